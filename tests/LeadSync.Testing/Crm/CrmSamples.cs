namespace LeadSync.Testing.Crm;

/// <summary>
/// Vendor sample responses the CRM simulators answer with (Crm/Samples, copied to every test output's Fixtures/ folder
/// beside the test project's own samples).
/// </summary>
public static class CrmSamples
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));
}
