namespace CustomerService.Runtime;

/// <summary>Marker for grain interfaces. Every method must return <see cref="Task"/>, <see cref="Task{TResult}"/>,
/// <see cref="ValueTask"/> or <see cref="ValueTask{TResult}"/>.</summary>
public interface IGrain : IAddressable;

/// <summary>A grain identified by a string key, such as <c>"{tenant}/{id}"</c>.</summary>
public interface IGrainWithStringKey : IGrain;

/// <summary>An object outside the grain's activation (typically in a front-end) that grains call back.
/// Calls to observers are best effort: an observer that cannot be reached fails the call.</summary>
public interface IGrainObserver : IAddressable;
