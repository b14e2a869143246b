namespace CustomerService.Runtime;

/// <summary>Anything the runtime can address with a <see cref="GrainId"/>: grains, grain references and observers.</summary>
public interface IAddressable;
