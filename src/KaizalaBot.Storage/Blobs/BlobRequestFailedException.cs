namespace KaizalaBot.Storage.Blobs;

/// <summary>A Blob service call failed: the HTTP status and the service's <c>x-ms-error-code</c>.</summary>
public sealed class BlobRequestFailedException : Exception
{
    public BlobRequestFailedException()
    {
    }

    public BlobRequestFailedException(string message)
        : base(message)
    {
    }

    public BlobRequestFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public BlobRequestFailedException(int status, string? errorCode, string message)
        : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    public int Status { get; }

    public string? ErrorCode { get; }
}
