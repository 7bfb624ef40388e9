using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;
using OrderClose;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.Services.AddOrderClose(builder.Configuration);
builder.Services.AddOrderCloseTelemetry(builder.Configuration);
builder.Build().Run();
