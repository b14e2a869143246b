using CustomerService.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerService.Runtime.Storage.Tests.Conformance;

public sealed class MemoryGrainStorageTests : GrainStorageConformanceTests
{
    protected override void AddStorage(IServiceCollection services, string name) => services.AddMemoryGrainStorage(name);
}
