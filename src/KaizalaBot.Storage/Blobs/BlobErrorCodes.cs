namespace KaizalaBot.Storage.Blobs;

/// <summary>The <c>x-ms-error-code</c> values this client reacts to (https://learn.microsoft.com/rest/api/storageservices/blob-service-error-codes).</summary>
public static class BlobErrorCodes
{
    public const string ContainerAlreadyExists = "ContainerAlreadyExists";
    public const string BlobAlreadyExists = "BlobAlreadyExists";
    public const string BlobNotFound = "BlobNotFound";
    public const string ContainerNotFound = "ContainerNotFound";
    public const string ConditionNotMet = "ConditionNotMet";
    public const string LeaseAlreadyPresent = "LeaseAlreadyPresent";
    public const string LeaseIdMismatchWithLeaseOperation = "LeaseIdMismatchWithLeaseOperation";
    public const string LeaseNotPresentWithLeaseOperation = "LeaseNotPresentWithLeaseOperation";
    public const string LeaseIsBrokenAndCannotBeRenewed = "LeaseIsBrokenAndCannotBeRenewed";
    public const string LeaseIsBreakingAndCannotBeAcquired = "LeaseIsBreakingAndCannotBeAcquired";
}
