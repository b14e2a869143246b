using CustomerService.Grains.Tenants;

namespace CustomerService.Grains.Conversations;

public sealed partial class ConversationGrain
{
    /// <summary>No agent is online and the tenant's bot is on: the bot greets (once per conversation) and sends the
    /// offline message. Client message ids are deterministic (the greeting's is fixed, the offline reply's names the
    /// visitor message that asked), so a repeat stores nothing new. The conversation stays in the router's queue.</summary>
    private async Task BotReplyAsync(TenantSettings tenant)
    {
        var bot = new Participant(AuthorKind.Bot, "bot", string.IsNullOrWhiteSpace(tenant.Name) ? "Bot" : tenant.Name);
        var askedAt = S.LastSeq;
        if (!S.BotGreeted && !string.IsNullOrWhiteSpace(tenant.Greeting))
        {
            await AppendOwnAsync(bot, "bot-greeting-1", tenant.Greeting);
            S.BotGreeted = true;
            await WriteStateAsync();
        }

        await AppendOwnAsync(bot, $"bot-offline-{askedAt}", tenant.OfflineMessage);
    }
}
