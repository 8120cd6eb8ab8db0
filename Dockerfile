# IaCBot: a GitOps bot for Terraform and OpenTofu.
#   docker build --build-arg TERRAFORM_VERSION=1.5.7 -t iacbot .
#   docker run -p 4141:4141 -v iacbot-data:/data -e IACBOT_GITHUB__TOKEN=... -e IACBOT_GITHUB__WEBHOOK_SECRET=... \
#     -e IACBOT_SERVER__REPO_ALLOWLIST__0='github.com/acme/*' iacbot

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props BannedSymbols.txt .editorconfig ./
COPY src/ src/
RUN dotnet publish src/IaCBot.Server/IaCBot.Server.csproj -c Release -o /app --no-self-contained

FROM debian:12-slim AS terraform
ARG TERRAFORM_VERSION=1.5.7
ARG TARGETARCH=amd64
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl unzip \
 && curl -fsSLo /tmp/terraform.zip "https://releases.hashicorp.com/terraform/${TERRAFORM_VERSION}/terraform_${TERRAFORM_VERSION}_linux_${TARGETARCH}.zip" \
 && curl -fsSLo /tmp/SHA256SUMS "https://releases.hashicorp.com/terraform/${TERRAFORM_VERSION}/terraform_${TERRAFORM_VERSION}_SHA256SUMS" \
 && cd /tmp && grep "terraform_${TERRAFORM_VERSION}_linux_${TARGETARCH}.zip" SHA256SUMS | sha256sum -c - \
 && unzip /tmp/terraform.zip -d /usr/local/bin && /usr/local/bin/terraform version

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends git gpgv ca-certificates && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 iacbot && useradd --system --uid 10001 --gid iacbot --home-dir /data --shell /usr/sbin/nologin iacbot \
 && mkdir -p /data && chown iacbot:iacbot /data
COPY --from=terraform /usr/local/bin/terraform /usr/local/bin/terraform
COPY --from=build /app /app
COPY config/iacbot.yaml /etc/iacbot/iacbot.yaml
USER iacbot
WORKDIR /data
ENV IACBOT_CONFIG=/etc/iacbot/iacbot.yaml IACBOT_SERVER__DATA_DIR=/data ASPNETCORE_URLS=http://+:4141
EXPOSE 4141
HEALTHCHECK --interval=30s --timeout=5s CMD ["/bin/bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/4141 && printf 'GET /healthz HTTP/1.0\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
ENTRYPOINT ["dotnet", "/app/iacbot.dll"]
