using CustomerService.Runtime.Invocation;

namespace CustomerService.Runtime.Transport;

/// <summary>A frame read from a connection.</summary>
internal abstract record WireMessage(long Id);

/// <summary>A call to a grain or observer hosted by the receiving process.</summary>
internal sealed record WireRequest(long Id, GrainId Target, GrainId? Source, GrainRequest Request, bool OneWay, int ForwardCount = 0) : WireMessage(Id);

/// <summary>The outcome of a call the receiving process sent earlier with the same id.</summary>
internal sealed record WireResponse(long Id, Response Response) : WireMessage(Id);
