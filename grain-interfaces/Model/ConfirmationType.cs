namespace DroneDelivery.GrainInterfaces.Model;

/// <summary>What the drone must capture at the drop-off before the delivery counts as delivered.</summary>
[GenerateSerializer, Alias("ConfirmationType")]
public enum ConfirmationType
{
    None,
    FingerPrint,
    Picture,
    Voice,
}
