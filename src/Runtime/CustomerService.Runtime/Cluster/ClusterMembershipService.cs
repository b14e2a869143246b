using System.Net;
using CustomerService.Runtime.Internal;
using CustomerService.Runtime.Membership;
using CustomerService.Runtime.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CustomerService.Runtime.Cluster;

/// <summary>This silo's part in the cluster, as Orleans does it: listen, join the membership table as Joining, check
/// every Active silo answers, become Active; then probe peers, vote the ones that stop answering suspect and, with
/// enough fresh votes, dead; and stop at once on finding itself declared dead.</summary>
internal sealed partial class ClusterMembershipService(
    IOptions<ClusterOptions> options,
    IMembershipTable table,
    SiloIdentity identity,
    SiloConnections connections,
    Catalog catalog,
    ClusterPlacement placement,
    MessageCodec codec,
    FrameDispatcher dispatcher,
    TimeProvider time,
    IHostApplicationLifetime lifetime,
    ILogger<ClusterMembershipService> logger,
    ClusterRole role) : IHostedService
{
    private readonly ClusterOptions settings = options.Value;
    private readonly CancellationTokenSource stopping = new();
    private SiloListener? listener;
    private Task? loop;
    private volatile MembershipTableData? current;
    private int killed;

    /// <summary>The membership table as this silo last read it.</summary>
    public MembershipTableData? Current => current;

    public SiloAddress Address => identity.Address;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var bind = IPAddress.TryParse(settings.AdvertisedHost, out var ip) ? ip : IPAddress.Any;
        listener = new SiloListener(new IPEndPoint(bind, settings.SiloPort), codec, dispatcher);
        identity.Set(SiloAddress.New(settings.AdvertisedHost, listener.EndPoint.Port, time));
        ClusterLog.Listening(logger, Address, listener.EndPoint.ToString());
        catalog.RegisterObserver(MembershipProbe.Key, new MembershipProbe(identity));

        await table.InitializeAsync(tryInitTableVersion: true);
        if (role.IsClient)
        {
            // A client is not a member: it reads the table to place calls and never owns grains.
            ApplyMembership(await table.ReadAllAsync());
            loop = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
            return;
        }

        await WriteOwnStatusAsync(SiloStatus.Joining, cancellationToken);
        var peers = await CheckConnectivityAsync(cancellationToken);
        await WriteOwnStatusAsync(SiloStatus.Active, cancellationToken);
        ApplyMembership(await table.ReadAllAsync());
        ClusterLog.Joined(logger, Address, peers);
        loop = Task.Run(() => RunAsync(stopping.Token), CancellationToken.None);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref killed) == 1) return;
        await stopping.CancelAsync();
        if (loop is not null) await loop.ContinueWith(static _ => { }, TaskScheduler.Default);
        try
        {
            if (role.IsClient) return;
            // Hand over before leaving: every grain here writes its state while this silo still owns it (calls that
            // arrive meanwhile fail retryably). Only then does the table say Dead, so the new owners, which activate
            // these grains on their next call, read what was written.
            await catalog.DeactivateAllAsync(cancellationToken);
            await WriteOwnStatusAsync(SiloStatus.Dead, cancellationToken);
            ClusterLog.Left(logger, Address);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The table may be unreachable (or already torn down) while stopping; the other silos then notice the
            // departure by their probes instead. Stopping must go on either way.
            ClusterLog.LeaveNotRecorded(logger, exception, Address);
        }
        finally
        {
            await CloseAsync();
        }
    }

    /// <summary>Dies like a killed process: sockets drop, nothing is written to the table (for tests).</summary>
    public async Task KillAsync()
    {
        Interlocked.Exchange(ref killed, 1);
        await stopping.CancelAsync();
        if (loop is not null) await loop.ContinueWith(static _ => { }, TaskScheduler.Default);
        await CloseAsync();
    }

    private async Task CloseAsync()
    {
        if (listener is not null) await listener.DisposeAsync();
        await connections.DisposeAsync();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(settings.ProbePeriod, time);
        var lastAlive = time.GetTimestamp();
        while (await WaitAsync(timer, cancellationToken))
        {
            try
            {
                if (await RefreshAsync(cancellationToken)) return;
                if (role.IsClient) continue;
                await ProbePeersAsync(cancellationToken);
                if (time.GetElapsedTime(lastAlive) >= settings.IAmAlivePeriod && current?.TryGet(Address, out var me, out _) == true)
                {
                    await table.UpdateIAmAliveAsync(me with { IAmAliveTime = time.GetUtcNow() });
                    lastAlive = time.GetTimestamp();
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                ClusterLog.LoopFailed(logger, exception);
            }
        }
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Reads the table; true when this silo finds itself dead and has stopped serving.</summary>
    private async Task<bool> RefreshAsync(CancellationToken cancellationToken)
    {
        var data = await table.ReadAllAsync();
        current = data;
        ApplyMembership(data);
        foreach (var (entry, _) in data.Entries)
            if (entry.Status == SiloStatus.Dead && entry.SiloAddress != Address) await connections.DropAsync(entry.SiloAddress);
        if (!data.TryGet(Address, out var self, out _) || self.Status != SiloStatus.Dead) return false;

        ClusterLog.DeclaredDeadSelf(logger, Address);
        Interlocked.Exchange(ref killed, 1);
        await CloseAsync();
        lifetime.StopApplication();
        return true;
    }

    // A new table version gives a new ring; activations that now belong elsewhere write their state and deactivate,
    // and their next call activates them on the new owner.
    private void ApplyMembership(MembershipTableData data)
    {
        current = data;
        if (!placement.Update(data) || placement.Ring is not { } ring || role.IsClient) return;
        var moved = catalog.DeactivateWhere(grain => ring.GetOwner(grain) != Address);
        if (moved > 0) ClusterLog.Rebalanced(logger, moved, data.Version.Version);
    }

    private async Task WriteOwnStatusAsync(SiloStatus status, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var data = await table.ReadAllAsync();
            var now = time.GetUtcNow();
            var written = data.TryGet(Address, out var entry, out var etag)
                ? await table.UpdateRowAsync(entry with { Status = status, IAmAliveTime = now }, etag, data.Version.Next())
                : await table.InsertRowAsync(
                    new MembershipEntry(Address, status, settings.SiloName, Environment.MachineName, 0, now, now, []),
                    data.Version.Next());
            if (written) return;
            if (attempt >= 50) throw new InvalidOperationException($"Could not write this silo's status {status} to the membership table after {attempt} conflicts.");
            await Task.Delay(TimeSpan.FromMilliseconds(10 + Random.Shared.Next(40)), time, cancellationToken);
        }
    }
}
