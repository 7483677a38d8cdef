namespace LeadSync.Core.Intake.Signatures;

/// <summary>How a vendor encodes an HMAC in its signature header.</summary>
public enum SignatureEncoding
{
    Hex,
    Base64,
}
