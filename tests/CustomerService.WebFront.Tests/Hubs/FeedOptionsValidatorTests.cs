using CustomerService.WebFront.Hubs;

namespace CustomerService.WebFront.Tests.Hubs;

public sealed class FeedOptionsValidatorTests
{
    [Theory]
    [InlineData("-00:00:00.001")]
    [InlineData("00:00:06")]
    public void AnUnreadIntervalOutOfRangeIsRefusedNamingItsKey(string interval)
    {
        var result = new FeedOptionsValidator().Validate(null, new FeedOptions { UnreadInterval = TimeSpan.Parse(interval) });
        Assert.True(result.Failed);
        Assert.Contains("WebFront:Feeds:UnreadInterval", result.FailureMessage);
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:00:00.1")]
    [InlineData("00:00:05")]
    public void AnUnreadIntervalFromZeroToFiveSecondsIsAccepted(string interval) =>
        Assert.True(new FeedOptionsValidator().Validate(null, new FeedOptions { UnreadInterval = TimeSpan.Parse(interval) }).Succeeded);
}
