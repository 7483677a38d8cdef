using LeadSync.Core.Intake;
using LeadSync.Core.Leads;
using Microsoft.Extensions.Options;

namespace LeadSync.Core.Qualification;

/// <summary>Decides whether a new lead goes to sales or to marketing nurture.</summary>
public sealed class QualificationPolicy(IOptionsMonitor<QualificationOptions> options)
{
    public (LeadStatus Status, string Reason) Qualify(LeadDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var minimum = options.CurrentValue.MinimumScore;
        if (draft.Score is { } score && score < minimum)
        {
            return (LeadStatus.Nurture, $"score {score} is below the sales-ready threshold {minimum}");
        }

        return (LeadStatus.SalesReady, draft.Score is { } s ? $"score {s} meets the threshold {minimum}" : "no score: sales-ready by default");
    }
}
