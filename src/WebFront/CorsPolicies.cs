namespace CustomerService.WebFront;

/// <summary>CORS for the widget: its session, settings, uploads and hub are called from customers' pages. Any origin
/// passes CORS; whether the origin may use a tenant is decided per tenant (its allowed origins) by the endpoints.</summary>
public static class CorsPolicies
{
    /// <summary>The widget's policy.</summary>
    public const string Widget = "widget";

    /// <summary>Adds the widget's CORS policy.</summary>
    public static IServiceCollection AddWidgetCors(this IServiceCollection services) => services.AddCors(o => o.AddPolicy(Widget, p => p
        .SetIsOriginAllowed(_ => true)
        .AllowAnyHeader()
        .AllowAnyMethod()
        .AllowCredentials()));
}
