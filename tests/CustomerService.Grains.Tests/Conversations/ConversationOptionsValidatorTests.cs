using CustomerService.Grains.Conversations;
using Microsoft.Extensions.Options;

namespace CustomerService.Grains.Tests.Conversations;

public sealed class ConversationOptionsValidatorTests
{
    [Fact]
    public void TheDefaultsAreValid() =>
        Assert.True(new ConversationOptionsValidator().Validate(null, new ConversationOptions()).Succeeded);

    [Fact]
    public void EveryBadSettingIsReportedWithTheKeyThatFixesIt()
    {
        var result = new ConversationOptionsValidator().Validate(null, new ConversationOptions
        {
            MaxTextBytes = 0,
            MaxClientMessageIdLength = 201,
            MaxAttachments = -1,
            SubscriptionExpiry = TimeSpan.Zero,
            MaxSeqRetries = 0,
            MaxUnwrittenMessages = 0,
        });

        Assert.True(result.Failed);
        Assert.Equal(
            ["Conversations:MaxTextBytes", "Conversations:MaxClientMessageIdLength", "Conversations:MaxAttachments", "Conversations:SubscriptionExpiry", "Conversations:MaxSeqRetries", "Conversations:MaxUnwrittenMessages"],
            result.Failures!.Select(f => f.Split(' ')[0]));
    }

    [Fact]
    [Trait("Category", "Integration")]
    public async Task ASiloWithABadSettingDoesNotStartAndSaysWhichKeyToFix()
    {
        var refused = await Assert.ThrowsAsync<OptionsValidationException>(
            () => ConversationHost.StartAsync(configure: o => o.MaxTextBytes = -5).Within());

        Assert.Contains("Conversations:MaxTextBytes", refused.Message);
    }
}
