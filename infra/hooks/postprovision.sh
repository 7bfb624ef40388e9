#!/bin/sh
# azd postprovision hook (azure.yaml): stop before the app is deployed while the Key Vault lacks a secret the app
# reads at start-up. Without it, every start of the app fails its options validation and the app crash-loops.
# Reads azd's environment: AZURE_KEY_VAULT_NAME and KEY_VAULT_SECRET_NAMES (outputs of infra/main.bicep).
set -eu

vault="${AZURE_KEY_VAULT_NAME:?is not set: run this hook through azd after provisioning (azd up, azd provision)}"
names="${KEY_VAULT_SECRET_NAMES:?is not set: run this hook through azd after provisioning (azd up, azd provision)}"

if ! command -v az >/dev/null 2>&1; then
  echo "The Azure CLI (az) is needed to check the secrets of Key Vault $vault: install it, run 'az login', then 'azd up' again." >&2
  exit 1
fi

if ! present=$(az keyvault secret list --vault-name "$vault" --query "[].name" --output tsv 2>&1); then
  echo "Could not list the secrets of Key Vault $vault:" >&2
  echo "$present" >&2
  echo "Sign in with 'az login' as the principal azd provisioned with (AZURE_PRINCIPAL_ID, which holds Key Vault" >&2
  echo "Secrets Officer on the vault; a new role assignment can take a few minutes to apply), then run 'azd up' again." >&2
  exit 1
fi

missing=""
for name in $names; do
  if ! printf '%s\n' "$present" | tr -d '\r' | grep -qx -- "$name"; then
    missing="$missing $name"
  fi
done

if [ -n "$missing" ]; then
  echo "Key Vault $vault lacks secrets the app reads at start-up:$missing" >&2
  echo "The app cannot start without them. Set each from its file (README: \"Deploy\"), then run 'azd up' again:" >&2
  for name in $missing; do
    echo "  az keyvault secret set --vault-name $vault --name $name --file <file holding $name>" >&2
  done
  exit 1
fi

echo "Key Vault $vault holds every secret the app reads:$(printf ' %s' $names)"
