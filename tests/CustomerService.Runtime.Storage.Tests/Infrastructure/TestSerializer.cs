using CustomerService.Runtime.Serialization;

namespace CustomerService.Runtime.Storage.Tests.Infrastructure;

internal static class TestSerializer
{
    public static readonly IGrainSerializer Instance = new JsonGrainSerializer([StorageTestJsonContext.Default]);
}
