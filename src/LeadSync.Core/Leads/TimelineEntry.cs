namespace LeadSync.Core.Leads;

/// <summary>One append-only line of a lead's documented handoff history.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Actor">Who did it: a system component (<c>intake</c>, <c>sla-sweep</c>) or a person.</param>
/// <param name="Event">A stable event code, e.g. <c>lead.received</c>.</param>
/// <param name="Detail">Human-readable detail; never secrets.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Actor, string Event, string Detail);
