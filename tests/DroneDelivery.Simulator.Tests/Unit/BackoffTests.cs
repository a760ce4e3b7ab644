using DroneDelivery.Simulator.Gateway;

namespace DroneDelivery.Simulator.Tests.Unit;

public sealed class BackoffTests
{
    [Fact]
    public void Delays_double_with_some_jitter_up_to_the_maximum()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        Assert.InRange(backoff.NextDelay().TotalSeconds, 1, 1.2);
        Assert.InRange(backoff.NextDelay().TotalSeconds, 2, 2.4);
        Assert.InRange(backoff.NextDelay().TotalSeconds, 4, 4.8);
        Assert.InRange(backoff.NextDelay().TotalSeconds, 8, 9.6);
        Assert.InRange(backoff.NextDelay().TotalSeconds, 10, 12);
        Assert.InRange(backoff.NextDelay().TotalSeconds, 10, 12);
    }

    [Fact]
    public void Retry_After_is_honoured_within_reason()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(7), backoff.NextDelay(TimeSpan.FromSeconds(7)));
        Assert.Equal(Backoff.MaxRetryAfter, backoff.NextDelay(TimeSpan.FromDays(1)));
    }

    [Fact]
    public void Reset_starts_over()
    {
        var backoff = new Backoff(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        backoff.NextDelay();
        backoff.NextDelay();

        backoff.Reset();

        Assert.Equal(0, backoff.Failures);
        Assert.InRange(backoff.NextDelay().TotalSeconds, 1, 1.2);
    }
}
