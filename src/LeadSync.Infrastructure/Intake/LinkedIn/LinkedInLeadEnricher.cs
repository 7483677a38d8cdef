namespace LeadSync.Infrastructure.Intake.LinkedIn;

/// <summary>
/// Completes LinkedIn leads: reads the form response of the notification's <c>leadGenFormResponse</c> URN and the
/// questions of its form from the Lead Sync API (needs <c>r_marketing_leadgen_automation</c>), then maps the answers.
/// </summary>
public sealed class LinkedInLeadEnricher(ILinkedInLeadSyncApi api, LinkedInFormCache forms, IOptionsMonitor<LinkedInSourceOptions> options) : ILeadEnricher
{
    private const string Vendor = "LinkedIn Lead Sync API";

    public string Source => LinkedInWebhookSource.SourceName;

    public async Task<EnrichmentResult> EnrichAsync(Lead lead, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (!settings.EnrichmentEnabled)
        {
            return EnrichmentResult.Blocked(
                $"no LinkedIn access token is configured ({LinkedInSourceOptions.Section}:AccessToken), so the form response cannot be read",
                EnrichmentResponses.CredentialsRetry);
        }

        if (LinkedInUrns.ResponseId(lead.EnrichmentKey) is not { } responseId)
        {
            return EnrichmentResult.Permanent("the lead has no usable leadGenFormResponse URN");
        }

        try
        {
            var response = await api.GetFormResponseAsync(responseId, cancellationToken);
            if (EnrichmentResponses.Failure(response, Vendor) is { } failure)
            {
                return failure;
            }

            var formResponse = response.Content!;
            if (LinkedInUrns.FormId(formResponse.VersionedLeadGenFormUrn ?? lead.Touch?.FormId) is not { } formId)
            {
                return EnrichmentResult.Permanent("the form response names no lead form");
            }

            var form = forms.Get(formId);
            if (form is null)
            {
                var formAnswer = await api.GetFormAsync(formId, cancellationToken);
                if (EnrichmentResponses.Failure(formAnswer, Vendor) is { } formFailure)
                {
                    return formFailure;
                }

                form = formAnswer.Content!;
                forms.Set(formId, form);
            }

            return EnrichmentResult.Completed(ToDraft(lead, formResponse, form, settings.Forms.GetValueOrDefault(formId)));
        }
        catch (Exception exception) when (exception is HttpRequestException or TimeoutRejectedException ||
            (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return EnrichmentResponses.Unreachable(Vendor, exception);
        }
    }

    private static LeadDraft ToDraft(Lead lead, LinkedInFormResponse response, LinkedInLeadForm form, LinkedInFormOptions? mapping)
    {
        var questions = (form.Content?.Questions ?? []).GroupBy(q => q.QuestionId).ToDictionary(g => g.Key, g => g.First());
        var answers = (response.FormResponse?.Answers ?? []).Select(a =>
        {
            var question = questions.GetValueOrDefault(a.QuestionId);
            return new LinkedInAnswer(a.QuestionId.ToString(System.Globalization.CultureInfo.InvariantCulture), question?.PredefinedField, question?.Name, a.AnswerDetails?.Text);
        });
        var submitted = response.SubmittedAt is { } ms ? JsonPayload.UnixTime(ms.ToString(System.Globalization.CultureInfo.InvariantCulture)) : null;
        var touch = (lead.Touch ?? new MarketingTouch()) with
        {
            OccurredAt = lead.Touch?.OccurredAt ?? submitted,
            FormName = lead.Touch?.FormName ?? form.Name,
        };
        var errors = new Dictionary<string, string[]>();
        return LinkedInLeadMapper.ToDraft(lead.DeliveryKey, answers, mapping, touch, response.TestLead == true, errors);
    }
}
