namespace LeadSync.Infrastructure.Crm.Touches;

/// <summary>CRM-side keys derived from a touch's key, so the CRM itself refuses a second record for the same touch.</summary>
internal static class CrmTouchKeys
{
    /// <summary>32 lowercase hex characters: safe in a URL path and in an external-id field.</summary>
    public static string Hex(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..32];

    /// <summary>A name-based (version 5 style) GUID: the same touch always gets the same record id.</summary>
    public static Guid Guid(string key)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes("leadsync-touch:" + key))[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }
}
