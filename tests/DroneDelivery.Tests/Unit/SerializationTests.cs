using DroneDelivery.GrainInterfaces.Errors;
using DroneDelivery.GrainInterfaces.Model;
using DroneDelivery.Grains.Business;
using DroneDelivery.Grains.Deliveries;
using DroneDelivery.Grains.Drones;
using DroneDelivery.Grains.Fleet;
using DroneDelivery.Grains.Packages;
using DroneDelivery.Grains.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace DroneDelivery.Tests.Unit;

/// <summary>Every type that is stored or crosses the wire survives a round trip through the Orleans serializer.</summary>
public sealed class SerializationTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
    private static readonly Location Here = new(47.6, -122.3, 12);
    private static readonly DeliveryRequest Request = new(Here, new Location(47.7, -122.4), At, At.AddHours(1), true, ConfirmationType.Picture, new PackageSpec("p1", PackageSize.Medium, 2.5, "fragile"));
    private static readonly DroneSpec Spec = new("FD-400", 5, 15, 40, Here);

    private readonly Serializer _serializer = new ServiceCollection()
        .AddSerializer(builder => builder.AddAssembly(typeof(Location).Assembly).AddAssembly(typeof(DeliveryState).Assembly))
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    public static TheoryData<object> Messages => new()
    {
        Here,
        Request,
        new DeliveryAccepted("d1", DeliveryStage.Scheduled, "token", "drone-1", At, At.AddMinutes(9)),
        new DeliveryDetails("d1", "biz-1", Request, "p1", DeliveryStage.AwaitingDrone, null, null, null, At, At, "token"),
        new DeliveryStatus(DeliveryStage.Scheduled, "drone-1", Here, At, At, At),
        new Milestone(DeliveryStage.Requested, At, Here, "note"),
        new PackageRegistration("biz-1", "d1", PackageSize.Large, 4, null),
        new PackageDetails("p1", "biz-1", PackageSize.Small, 1, "tag", "d1"),
        Spec,
        new DroneDetails("drone-1", Spec, DroneStatus.Assigned, Here, 87.5, "d1", At),
        new DroneRegistered(true, new DroneDetails("drone-1", Spec, DroneStatus.Available, Here, 100, null, At)),
        new DroneAvailability("drone-1", Spec, Here, 90, true, 7),
        new ScheduleRequest("d1", Here, Here, 1, At),
        new Mission("d1", Here, Here, 1, At, At),
        new Mission("d1", Here, Here, 1, At, At, ConfirmationType.Voice, At),
        new TelemetryFix("drone-1", At, 47.6, -122.3, 120, 15, 270, 80.5, DroneEvent.PickedUp),
        new TelemetryFix("drone-1", At, 47.6, -122.3, 120, 15, 270, 80.5),
        new TelemetryBatch("drone-1", [new TelemetrySample(At, 47.6, -122.3, 120, 15, 270, 80.5), new TelemetrySample(At.AddSeconds(1), 47.61, -122.3, 121, 15, 270, 80.4, DroneEvent.PickedUp)]),
        new DroneProgress("drone-1", DroneProgressKind.Aborted, At, Here, null, At, "fault"),
        new DroneProgress("drone-1", DroneProgressKind.Position, At, Here, At, At, null, 271.5, 14.2),
        new TrackedPosition("drone-1", Here, 90, 15, At),
        new TrackingUpdate("d1", DeliveryStage.HeadedToPickup, At, At.AddMinutes(5), At, new TrackedPosition("drone-1", Here, 90, 15, At)),
        new TrackingUpdate("d1", DeliveryStage.AwaitingDrone, null, null, At, null),
        new DroneChannelState("drone-1", 12, DroneStatus.HeadedToPickup, Here, new Mission("d1", Here, Here, 1, At, At)),
        new DroneChannelState("drone-1", 13, DroneStatus.Returning, Here, null),
        new Confirmation(ConfirmationType.Picture, "https://proofs.example.com/p.jpg", At, Here),
        new DeliveryChanges(Here, null, At, null),
        new Assignment("drone-1", At, At),
        new BusinessDetails("biz-1", "Contoso", "https://example.com", At),
        new BusinessCreated(new BusinessDetails("biz-1", "Contoso", null, At), "secret"),
        new DronePage([new DroneDetails("drone-1", Spec, DroneStatus.Available, Here, 100, null, At)], "token"),
        new DeliveryHistoryRecord("d1", "biz-1", "p1", PackageSize.Medium, 2.5, "drone-1", DeliveryStage.Delivered, At, At, At, At.AddMinutes(30), At.AddHours(1), 7.25, At, [new Milestone(DeliveryStage.Requested, At, Here, null)]),
        new WebhookEvent(3, DeliveryStage.HeadedToDropoff, null, At, At),
        new WebhookTarget("https://example.com/hooks", "secret"),
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void A_message_round_trips_to_an_equal_value(object message)
    {
        var copy = _serializer.Deserialize<object>(_serializer.SerializeToArray(message))!;
        Assert.Equal(message.GetType(), copy.GetType());
        if (message is DronePage page)
        {
            Assert.Equal(page.Items, ((DronePage)copy).Items);
            Assert.Equal(page.ContinuationToken, ((DronePage)copy).ContinuationToken);
        }
        else if (message is TelemetryBatch batch)
        {
            Assert.Equal(batch.ToFixes(), ((TelemetryBatch)copy).ToFixes());
        }
        else if (message is DeliveryHistoryRecord record)
        {
            var copied = (DeliveryHistoryRecord)copy;
            Assert.Equal(record.Milestones, copied.Milestones);
            Assert.Equal(record, copied with { Milestones = record.Milestones });
        }
        else
        {
            Assert.Equal(message, copy);
        }
    }

    [Fact]
    public void A_tracking_snapshot_keeps_its_trip_milestones_and_expiry()
    {
        var snapshot = new TrackingSnapshot(Here, new Location(47.7, -122.4), [new Milestone(DeliveryStage.Requested, At, Here, "note")], new TrackingUpdate("d1", DeliveryStage.Scheduled, At, At, At, null), TimeSpan.FromSeconds(90));
        var copy = RoundTrip(snapshot);
        Assert.Equal(snapshot.Milestones, copy.Milestones);
        Assert.Equal(snapshot with { Milestones = copy.Milestones }, copy);
    }

    [Fact]
    public void A_registration_keeps_its_key_hash()
    {
        var registration = new BusinessRegistration("Contoso", null, "k1", [1, 2, 3]);
        var copy = RoundTrip(registration);
        Assert.Equal(registration.ApiKeyHash, copy.ApiKeyHash);
        Assert.Equal(registration.ApiKeyId, copy.ApiKeyId);
    }

    [Fact]
    public void Grain_states_round_trip_field_for_field()
    {
        var delivery = new DeliveryState
        {
            OwnerId = "biz-1",
            Request = Request,
            PackageId = "p1",
            Stage = DeliveryStage.Scheduled,
            DroneId = "drone-1",
            PickupEta = At,
            DeliveryEta = At.AddMinutes(5),
            CreatedAt = At,
            UpdatedAt = At,
            TrackingToken = "t",
            Milestones = [new Milestone(DeliveryStage.Requested, At, Here, null)],
            LastKnownLocation = Here,
            HistoryPending = true,
            FlightDroneId = "drone-1",
            DistanceFlownKm = 3.5,
            TookOffAt = At,
            HasWebhook = true,
            WebhookEvents = [new WebhookEvent(0, DeliveryStage.Requested, null, null, At), new WebhookEvent(1, DeliveryStage.Scheduled, At, At.AddMinutes(5), At)],
        };
        Assert.Equivalent(delivery, RoundTrip(delivery), strict: true);

        var drone = new DroneState { Spec = Spec, Status = DroneStatus.Assigned, Position = Here, BatteryPct = 80, Mission = new Mission("d1", Here, Here, 1, At, At), UpdatedAt = At, Revision = 4, HomeCell = "1:2", AwaitingConfirmation = true, LastFixAt = At };
        Assert.Equivalent(drone, RoundTrip(drone), strict: true);

        var business = new BusinessState { Name = "Contoso", WebhookUrl = "https://example.com", WebhookSecret = "s", CreatedAt = At, ApiKeys = [new ApiKeyRecord("k1", [9, 8], At)] };
        Assert.Equivalent(business, RoundTrip(business), strict: true);

        var package = new PackageState { OwnerId = "biz-1", DeliveryId = "d1", Size = PackageSize.Large, WeightKg = 3, Tag = "x", CreatedAt = At };
        Assert.Equivalent(package, RoundTrip(package), strict: true);

        var outbox = new WebhookOutboxState
        {
            OwnerId = "biz-1",
            Pending = [new WebhookEvent(2, DeliveryStage.Delivered, null, null, At)],
            NextSequence = 3,
            SawFinal = true,
            FailedAttempts = 2,
            NextAttemptAt = At,
        };
        Assert.Equivalent(outbox, RoundTrip(outbox), strict: true);

        var ids = new SortedIdsState { Ids = ["a", "b"] };
        Assert.Equal(ids.Ids, RoundTrip(ids).Ids);
    }

    [Fact]
    public void A_domain_exception_keeps_its_kind_field_and_message()
    {
        var copy = RoundTrip(DomainException.Invalid("continuationToken", "Bad token."));
        Assert.Equal(DomainErrorKind.Invalid, copy.Kind);
        Assert.Equal("continuationToken", copy.Field);
        Assert.Equal("Bad token.", copy.Message);
    }

    private T RoundTrip<T>(T value) => _serializer.Deserialize<T>(_serializer.SerializeToArray(value))!;
}
