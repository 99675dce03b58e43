# syntax=docker/dockerfile:1
# The portal as one image: `docker compose up` builds it and starts it beside PostgreSQL (docker-compose.yml).

# --- front-end libraries: the pinned Bootstrap, Chart.js and the documents' font from package-lock.json, copied where the
# layout and the build (which embeds the font) expect them ----------------------------------------------------------
FROM node:20-bookworm-slim AS frontend
WORKDIR /web
COPY src/Attestation.Web/package.json src/Attestation.Web/package-lock.json ./
RUN npm ci --no-audit --no-fund \
 && mkdir -p wwwroot/lib/bootstrap/css wwwroot/lib/bootstrap/js \
 && cp node_modules/bootstrap/dist/css/bootstrap.min.css node_modules/bootstrap/dist/css/bootstrap.min.css.map \
       wwwroot/lib/bootstrap/css/ \
 && cp node_modules/bootstrap/dist/js/bootstrap.bundle.min.js node_modules/bootstrap/dist/js/bootstrap.bundle.min.js.map \
       wwwroot/lib/bootstrap/js/ \
 && mkdir -p wwwroot/lib/fonts/tinos \
 && for subset in latin latin-ext cyrillic cyrillic-ext; do for weight in 400 700; do for style in normal italic; do \
      cp "node_modules/@fontsource/tinos/files/tinos-$subset-$weight-$style.woff2" wwwroot/lib/fonts/tinos/; \
    done; done; done \
 && cp node_modules/@fontsource/tinos/LICENSE wwwroot/lib/fonts/tinos/ \
 && mkdir -p wwwroot/lib/chartjs \
 && cp node_modules/chart.js/dist/chart.umd.min.js node_modules/chart.js/dist/chart.umd.min.js.map \
       node_modules/chart.js/LICENSE.md wwwroot/lib/chartjs/

# --- build: restore on the project files alone (a cached layer), then publish ------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY build/ build/
COPY src/Attestation.Domain/Attestation.Domain.csproj src/Attestation.Domain/
COPY src/Attestation.Web/Attestation.Web.csproj src/Attestation.Web/
RUN dotnet restore src/Attestation.Web/Attestation.Web.csproj
COPY src/ src/
# Before publishing: the static assets manifest is computed from what wwwroot holds at build time.
COPY --from=frontend /web/wwwroot/lib/ src/Attestation.Web/wwwroot/lib/
RUN dotnet publish src/Attestation.Web/Attestation.Web.csproj -c Release --no-restore -o /app -p:UseAppHost=false

# --- runtime ------------------------------------------------------------------------------------------------------
# Documents carry their own font (Tinos, embedded in the portal), so the image needs no font package for them;
# DejaVu only keeps Chromium's own fallback sane.
# The .NET 10 images (mcr.microsoft.com/dotnet/aspnet:10.0) are Ubuntu 24.04, whose `chromium` package is only a
# stub that installs the snap, which cannot run in a container; no Debian-based .NET 10 image is published. So the
# runtime is Debian 12 (as on the developers' machines) with Debian's real Chromium, and the ASP.NET Core runtime
# is copied from the official image (it is self-contained under /usr/share/dotnet).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS aspnet

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata zlib1g \
      chromium fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/*
COPY --from=aspnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
 && groupadd --system --gid 1654 app \
 && useradd --system --uid 1654 --gid app --create-home --home-dir /home/app --shell /usr/sbin/nologin app \
 && mkdir -p /var/lib/attestation \
 && chown app:app /var/lib/attestation

ENV ASPNETCORE_HTTP_PORTS=8080 \
    ASPNETCORE_ENVIRONMENT=Production \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_NOLOGO=true \
    DOTNET_GCgen0size=0x2000000 \
    MALLOC_ARENA_MAX=2 \
    Pdf__ChromiumPath=/usr/bin/chromium \
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 \
    Storage__DataDirectory=/var/lib/attestation

WORKDIR /app
# Owned by root and read-only for the app user: the portal writes only under Storage__DataDirectory.
COPY --from=build /app ./
USER app
VOLUME ["/var/lib/attestation"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "Attestation.Web.dll"]
