namespace LeadSync.Web.Problems;

public static class ResultExtensions
{
    /// <summary>Adapts a shared handler's result for an isolated-worker HTTP trigger.</summary>
    public static async Task<IActionResult> AsActionResult(this Task<IResult> result)
    {
        return new ResultActionResult(await result);
    }
}
