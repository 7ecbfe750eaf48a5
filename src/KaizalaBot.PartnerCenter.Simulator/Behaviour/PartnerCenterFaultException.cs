namespace KaizalaBot.PartnerCenter.Simulator.Behaviour;

/// <summary>A business error answered with Partner Center's ApiFault body (reference §1.6) and nothing changed.</summary>
internal sealed class PartnerCenterFaultException : Exception
{
    public PartnerCenterFaultException()
    {
    }

    public PartnerCenterFaultException(string message)
        : base(message)
    {
    }

    public PartnerCenterFaultException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public PartnerCenterFaultException(int statusCode, int code, string description, string? detail = null)
        : base(description)
    {
        StatusCode = statusCode;
        Code = code;
        Detail = detail;
    }

    public int StatusCode { get; } = 500;

    public int Code { get; }

    public string? Detail { get; }

    public static PartnerCenterFaultException BadInput(string description) => new(400, 800002, description);

    public static PartnerCenterFaultException NotFound(int code, string description) => new(404, code, description);
}
