namespace OrderClose.Tools.Hosting;

public static class ServiceDecoration
{
    /// <summary>Wraps every registration of <typeparamref name="TService"/> in what <paramref name="wrap"/> makes of it, keeping its lifetime.</summary>
    public static IServiceCollection Decorate<TService>(this IServiceCollection services, Func<TService, TService> wrap)
        where TService : class
    {
        for (var i = 0; i < services.Count; i++)
        {
            var inner = services[i];
            if (inner.ServiceType == typeof(TService) && !inner.IsKeyedService)
            {
                services[i] = ServiceDescriptor.Describe(typeof(TService), provider => wrap((TService)Create(provider, inner)), inner.Lifetime);
            }
        }
        return services;
    }

    private static object Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);
}
