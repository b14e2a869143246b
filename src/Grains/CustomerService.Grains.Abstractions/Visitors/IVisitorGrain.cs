using CustomerService.Runtime;

namespace CustomerService.Grains.Visitors;

/// <summary>One visitor, keyed <c>{tenant}/{visitorId}</c>: profile, the connections open (tabs and devices), and the
/// current conversation, which a returning visitor resumes.</summary>
[Alias("visitor")]
public interface IVisitorGrain : IGrainWithStringKey
{
    /// <summary>Records what a widget session says about the visitor and returns the profile. A verified user id is
    /// never replaced by an unverified one.</summary>
    [Alias("identify")]
    Task<VisitorProfile> Identify(VisitorSession session);

    /// <summary>The profile.</summary>
    [Alias("getProfile"), ReadOnly]
    Task<VisitorProfile> GetProfile();

    /// <summary>The key of the visitor's current conversation, choosing a new one the first time; the conversation
    /// itself comes into being with the visitor's first message.</summary>
    [Alias("getOrOpenConversation")]
    Task<string> GetOrOpenConversation();

    /// <summary>A widget connection opened. Connections expire unless renewed within a few minutes.</summary>
    [Alias("connect")]
    Task Connect(string connectionId);

    /// <summary>A widget connection closed.</summary>
    [Alias("disconnect")]
    Task Disconnect(string connectionId);
}
