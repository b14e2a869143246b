using System.Collections.Concurrent;
using CustomerService.Runtime.Invocation;
using CustomerService.Runtime.Membership;

namespace CustomerService.Runtime.Cluster;

internal sealed partial class ClusterMembershipService
{
    private const string PingAlias = "sys.membership-probe.Ping";

    private readonly ConcurrentDictionary<SiloAddress, int> misses = new();

    /// <summary>A joining silo must reach every Active silo before it becomes Active itself.</summary>
    private async Task<int> CheckConnectivityAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetTimestamp() + (long)(settings.JoinTimeout.TotalSeconds * time.TimestampFrequency);
        while (true)
        {
            var data = await table.ReadAllAsync();
            var peers = ActivePeers(data);
            var answers = await Task.WhenAll(peers.Select(peer => ProbeAsync(peer, cancellationToken)));
            var unreachable = peers.Where((_, i) => !answers[i]).ToList();
            if (unreachable.Count == 0) return peers.Count;
            if (time.GetTimestamp() > deadline)
                throw new InvalidOperationException(
                    $"This silo cannot reach the Active silo(s) {string.Join(", ", unreachable)} within {settings.JoinTimeout}. " +
                    $"Check that {ClusterOptions.SectionName}:AdvertisedHost is reachable from them and theirs from here, or wait until dead silos are declared dead.");
            await Task.Delay(settings.ProbePeriod, time, cancellationToken);
        }
    }

    private async Task ProbePeersAsync(CancellationToken cancellationToken)
    {
        var data = current!;
        var peers = ActivePeers(data);
        foreach (var gone in misses.Keys.Except(peers)) misses.TryRemove(gone, out _);
        var answers = await Task.WhenAll(peers.Select(peer => ProbeAsync(peer, cancellationToken)));
        for (var i = 0; i < peers.Count; i++)
        {
            if (answers[i])
            {
                misses[peers[i]] = 0;
                continue;
            }

            var count = misses.AddOrUpdate(peers[i], 1, (_, n) => n + 1);
            ClusterLog.ProbeMissed(logger, peers[i], count);
            if (count >= settings.MissedProbesForSuspicion) await SuspectAsync(peers[i]);
        }
    }

    private List<SiloAddress> ActivePeers(MembershipTableData data)
        => [.. data.Entries.Where(e => e.Entry.Status == SiloStatus.Active && e.Entry.SiloAddress != Address).Select(e => e.Entry.SiloAddress)];

    /// <summary>True when the peer answered in time with its own address (not a newer process at its endpoint).</summary>
    private async Task<bool> ProbeAsync(SiloAddress peer, CancellationToken cancellationToken)
    {
        try
        {
            var remote = await connections.GetAsync(peer, cancellationToken).WaitAsync(settings.ProbeTimeout, time, cancellationToken);
            var response = await remote.SendAsync(MembershipProbe.Key, null, GrainManifest.CreateRequest(PingAlias))
                .WaitAsync(settings.ProbeTimeout, time, cancellationToken);
            return response.GetResult<string>() == peer.ToString();
        }
        catch (Exception e) when (e is TimeoutException or SiloUnavailableException or IOException or System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    /// <summary>Adds this silo's vote; with enough fresh votes, declares the peer dead in the same conditional write.</summary>
    private async Task SuspectAsync(SiloAddress peer)
    {
        var data = await table.ReadAllAsync();
        if (!data.TryGet(peer, out var entry, out var etag) || entry.Status == SiloStatus.Dead) return;
        var now = time.GetUtcNow();
        List<SuspectVote> votes = [.. entry.SuspectVotes.Where(v => v.Voter != Address && now - v.Time < settings.VoteExpiry), new(Address, now)];
        var active = data.Entries.Count(e => e.Entry.Status == SiloStatus.Active);
        var needed = Math.Max(1, Math.Min(settings.VotesForDeath, (active + 1) / 2));
        var dead = votes.Count >= needed;
        var updated = entry with { Status = dead ? SiloStatus.Dead : entry.Status, SuspectVotes = votes };
        if (!await table.UpdateRowAsync(updated, etag, data.Version.Next())) return; // someone wrote first: next round re-reads
        if (dead)
        {
            ClusterLog.DeclaredDead(logger, peer);
            misses.TryRemove(peer, out _);
            await connections.DropAsync(peer);
        }
        else
        {
            ClusterLog.Suspected(logger, peer, votes.Count, needed);
        }
    }
}
