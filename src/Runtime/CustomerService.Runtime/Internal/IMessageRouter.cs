namespace CustomerService.Runtime.Internal;

/// <summary>Decides where a message runs: on an activation of this silo, or on the silo that owns its grain.</summary>
internal interface IMessageRouter
{
    void Route(Message message);
}

/// <summary>A silo on its own: everything runs here.</summary>
internal sealed class LocalMessageRouter(Catalog catalog) : IMessageRouter
{
    public void Route(Message message) => catalog.Deliver(message);
}
