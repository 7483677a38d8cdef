namespace LeadSync.Web.Problems;

/// <summary>Lets the Functions app return the shared handlers' <see cref="IResult"/> as an <see cref="IActionResult"/>.</summary>
public sealed class ResultActionResult(IResult result) : IActionResult
{
    public Task ExecuteResultAsync(ActionContext context)
    {
        return result.ExecuteAsync(context.HttpContext);
    }
}
