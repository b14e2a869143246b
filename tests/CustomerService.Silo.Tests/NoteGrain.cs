using CustomerService.Runtime;

namespace CustomerService.Silo.Tests;

public sealed class NoteState
{
    public List<string> Notes { get; set; } = [];
}

public interface INoteGrain : IGrainWithStringKey
{
    /// <summary>Adds a note in memory only; the state is written when the grain deactivates.</summary>
    Task Add(string note);

    Task<List<string>> All();
}

public sealed class NoteGrain([PersistentState("notes")] IPersistentState<NoteState> notes) : Grain, INoteGrain
{
    public Task Add(string note)
    {
        notes.State.Notes.Add(note);
        return Task.CompletedTask;
    }

    public Task<List<string>> All() => Task.FromResult(notes.State.Notes);
}
