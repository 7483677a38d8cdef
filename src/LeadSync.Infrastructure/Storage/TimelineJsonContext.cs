using System.Text.Json.Serialization;

namespace LeadSync.Infrastructure.Storage;

/// <summary>
/// Source-generated JSON for the timeline array on the lead row (<see cref="LeadRowTimeline"/>): written on every lead
/// write, so it skips reflection. Default options, so the text is the same as the reflection serializer's.
/// </summary>
[JsonSerializable(typeof(List<TimelineEntry>))]
internal sealed partial class TimelineJsonContext : JsonSerializerContext;
