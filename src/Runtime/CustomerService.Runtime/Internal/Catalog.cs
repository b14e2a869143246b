using System.Collections.Concurrent;
using CustomerService.Runtime.Hosting;
using CustomerService.Runtime.Invocation;
using CustomerService.Runtime.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Internal;

/// <summary>The activations of this silo: finds or creates the activation a message is for, collects idle ones, and
/// deactivates everything when the silo stops.</summary>
internal sealed class Catalog : IDisposable
{
    private const int MaxForwards = 2;

    private readonly ConcurrentDictionary<GrainId, ActivationData> activations = new();
    private readonly GrainTypeResolver types;
    private readonly IIncomingGrainCallFilter[] incomingFilters;
    private readonly Lazy<IGrainFactory> grainFactory;
    private readonly Lazy<IMessageRouter> router;
    private ITimer? collector;
    private volatile bool stopping;

    public Catalog(
        IServiceProvider services,
        IOptions<GrainRuntimeOptions> options,
        TimeProvider time,
        ILogger<Catalog> logger,
        GrainTypeResolver types,
        IGrainSerializer serializer,
        IDeepCopier copier,
        ExceptionCodec exceptions,
        IEnumerable<IIncomingGrainCallFilter> incomingFilters)
    {
        Services = services;
        Options = options.Value;
        Time = time;
        Logger = logger;
        this.types = types;
        Serializer = serializer;
        Copier = copier;
        Exceptions = exceptions;
        this.incomingFilters = [.. incomingFilters];
        grainFactory = new Lazy<IGrainFactory>(services.GetRequiredService<IGrainFactory>);
        router = new Lazy<IMessageRouter>(services.GetRequiredService<IMessageRouter>);
    }

    public IServiceProvider Services { get; }

    public GrainRuntimeOptions Options { get; }

    public TimeProvider Time { get; }

    public ILogger Logger { get; }

    public IGrainSerializer Serializer { get; }

    public IDeepCopier Copier { get; }

    public ExceptionCodec Exceptions { get; }

    public IGrainFactory GrainFactory => grainFactory.Value;

    public int Count => activations.Count;

    public void StartCollector()
        => collector ??= Time.CreateTimer(_ => CollectIdle(), null, Options.CollectionQuantum, Options.CollectionQuantum);

    /// <summary>Hands a message to its activation, creating the activation on first use.</summary>
    public void Deliver(Message message)
    {
        if (stopping && !message.Target.IsObserver)
        {
            message.Fail(new SiloUnavailableException($"The silo is shutting down and cannot run {message}. Retry against the cluster."));
            return;
        }

        while (true)
        {
            if (!activations.TryGetValue(message.Target, out var activation))
            {
                if (message.Target.IsObserver)
                {
                    message.Fail(new ObserverNotAvailableException($"Observer {message.Target.Key} no longer exists (deleted or its process is gone)."));
                    return;
                }

                if (!types.TryGetClass(message.Target.Type, out var entry))
                {
                    message.Fail(new InvalidOperationException($"This silo has no grain class with alias '{message.Target.Type}' for {message}."));
                    return;
                }

                var created = ActivationData.ForGrain(message.Target, entry, this);
                activation = activations.GetOrAdd(message.Target, created);
                if (ReferenceEquals(activation, created)) created.Start();
            }

            if (activation.Enqueue(message)) return;
            // It went away between lookup and enqueue: drop the stale entry and try a fresh activation.
            activations.TryRemove(KeyValuePair.Create(message.Target, activation));
        }
    }

    /// <summary>Runs a request on an activation, through the incoming filters when there are any.</summary>
    public ValueTask<Response> InvokeAsync(ActivationData activation, GrainRequest request)
    {
        var instance = activation.Instance!;
        var grainFilter = instance as IIncomingGrainCallFilter;
        if (incomingFilters.Length == 0 && grainFilter is null) return request.InvokeAsync(instance);
        IIncomingGrainCallFilter[] filters = grainFilter is null ? incomingFilters : [.. incomingFilters, grainFilter];
        return InvokeWithFiltersAsync(new IncomingCallContext(instance, activation.GrainId, request, filters));
    }

    private static async ValueTask<Response> InvokeWithFiltersAsync(IncomingCallContext context)
    {
        await context.Invoke();
        return context.Response ?? context.Request.CreateResponse(null);
    }

    public IGrainStorage GetStorage(string storageName, GrainId grainId)
        => Services.GetKeyedService<IGrainStorage>(storageName) ?? throw new InvalidOperationException(
            $"Grain {grainId} needs the storage provider '{storageName}', which is not registered. Register it, for example " +
            $"services.AddMemoryGrainStorage(\"{storageName}\"), or choose a provider in the silo's configuration.");

    public void RegisterObserver(GrainId id, object observer)
    {
        if (!activations.TryAdd(id, ActivationData.ForObserver(id, observer, this)))
            throw new InvalidOperationException($"Observer {id} is already registered.");
    }

    public bool RemoveObserver(GrainId id) => activations.TryRemove(id, out _);

    /// <summary>Called by an activation that is gone; messages that arrived meanwhile go to a new activation.</summary>
    public void OnActivationGone(ActivationData activation, Message[] forwarded)
    {
        activations.TryRemove(KeyValuePair.Create(activation.GrainId, activation));
        foreach (var message in forwarded)
        {
            if (message.Timer is not null) continue; // timers end with their activation
            if (++message.ForwardCount > MaxForwards)
                message.Fail(new InvalidOperationException($"{message} was forwarded {MaxForwards} times without finding an activation; giving up."));
            else
                router.Value.Route(message); // in a cluster the grain may now live on another silo
        }
    }

    /// <summary>Deactivates (writing state) the activations this silo no longer owns, after a membership change.</summary>
    public int DeactivateWhere(Func<GrainId, bool> moved)
    {
        var count = 0;
        foreach (var activation in activations.Values)
        {
            if (activation.IsObserver || !moved(activation.GrainId)) continue;
            activation.RequestDeactivation(new(DeactivationReasonCode.Migrating, "The grain now belongs to another silo."));
            count++;
        }

        return count;
    }

    public void CollectIdle()
    {
        var now = Time.GetTimestamp();
        var collected = 0;
        foreach (var activation in activations.Values)
        {
            if (activation.IsObserver || !activation.IsIdleSince(now)) continue;
            activation.RequestDeactivation(new(DeactivationReasonCode.IdleCollection, "Idle longer than the collection age."));
            collected++;
        }

        if (collected > 0) CatalogLog.CollectedIdle(Logger, collected);
    }

    /// <summary>Deactivates every grain (writing changed state) and refuses new calls.</summary>
    public async Task DeactivateAllAsync(CancellationToken cancellationToken)
    {
        stopping = true;
        collector?.Dispose();
        var grains = activations.Values.Where(a => !a.IsObserver).ToList();
        CatalogLog.DeactivatingAll(Logger, grains.Count);
        foreach (var activation in grains)
            activation.RequestDeactivation(new(DeactivationReasonCode.ShuttingDown, "The silo is shutting down."));
        try
        {
            await Task.WhenAll(grains.Select(a => a.Deactivated)).WaitAsync(Options.DeactivationTimeout, Time, cancellationToken);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            // A grain stuck in a turn must not keep the process from stopping; its unwritten changes are lost.
            CatalogLog.DeactivationTimedOut(Logger, grains.Count(a => !a.Deactivated.IsCompleted), Options.DeactivationTimeout);
        }
    }

    public void Dispose() => collector?.Dispose();
}
