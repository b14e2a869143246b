using System.Diagnostics;
using System.Text;

namespace CustomerService.Runtime.Testing.PostgreSql;

/// <summary>Runs a PostgreSQL program to completion, as the <c>postgres</c> user when this process is root
/// (PostgreSQL refuses to run as root).</summary>
internal static class ServerProcess
{
    public const string ServiceUser = "postgres";

    /// <summary>True when the programs must be run through <c>runuser</c> as <see cref="ServiceUser"/>.</summary>
    public static bool RunsAsServiceUser => OperatingSystem.IsLinux() && Environment.IsPrivilegedProcess;

    /// <summary>Runs <paramref name="program"/> and returns its exit code and its output (stdout and stderr).</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, IEnumerable<string> arguments,
        string workingDirectory, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (RunsAsServiceUser)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", ServiceUser, "--", program]) start.ArgumentList.Add(argument);
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "C";

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            cancellationToken.ThrowIfCancellationRequested();
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {timeout}. Its output:\n{Read(output)}");
        }

        return (process.ExitCode, Read(output));
    }

    /// <summary>Gives the service user the directory tree, so that the server can write in it.</summary>
    public static async Task GiveToServiceUserAsync(string directory, CancellationToken cancellationToken)
    {
        if (!RunsAsServiceUser) return;
        var start = new ProcessStartInfo("chown") { UseShellExecute = false, RedirectStandardError = true };
        foreach (var argument in (string[])["-R", $"{ServiceUser}:", directory]) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
            throw new InvalidOperationException(
                $"Could not give {directory} to the '{ServiceUser}' user, which PostgreSQL must run as when the tests run as root " +
                $"(the postgresql package creates that user): {error.Trim()}");
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
    }

    private static string Read(StringBuilder output)
    {
        lock (output) return output.ToString();
    }
}
