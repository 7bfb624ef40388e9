#!/bin/sh
# azd postdeploy hook (azure.yaml): restart the app, so that its Key Vault references are resolved again. The platform
# resolved them when the app was first configured, possibly before the secrets existed, and keeps what it found.
# Reads azd's environment: AZURE_RESOURCE_GROUP, and AZURE_FUNCTION_APP_NAME (an output of infra/main.bicep).
set -eu

group="${AZURE_RESOURCE_GROUP:?is not set: run this hook through azd (azd up, azd deploy)}"
app="${AZURE_FUNCTION_APP_NAME:?is not set: run this hook through azd after provisioning (azd up, azd deploy)}"

az functionapp restart --resource-group "$group" --name "$app"
echo "Restarted $app so that its Key Vault references resolve."
