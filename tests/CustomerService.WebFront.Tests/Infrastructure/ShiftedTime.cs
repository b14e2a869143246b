namespace CustomerService.WebFront.Tests.Infrastructure;

/// <summary>The system clock moved by a fixed offset (to issue tokens that have already expired).</summary>
internal sealed class ShiftedTime(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
}
