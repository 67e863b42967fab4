# The Vigil server as a container, non-root, data in /var/lib/vigil.
#   docker build -f installers/docker/server.Dockerfile -t vigil-server .    (from the repository root)
#   docker run -p 8080:8080 -v vigil-data:/var/lib/vigil vigil-server
# Configuration is the environment (README, "Server"): DATABASE_URL and CLICKHOUSE_URL for server
# stores instead of the embedded SQLite and chDB, VIGIL_PUBLIC_URL behind a proxy.

FROM node:20-bookworm-slim AS build
# better-sqlite3 compiles from source on install.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY agent/package.json agent/
COPY server/package.json server/
COPY shared/package.json shared/
COPY proto/package.json proto/
RUN npx --yes pnpm@9.15.9 install --frozen-lockfile
COPY tsconfig.json ./
COPY server server
COPY shared shared
COPY proto proto

FROM node:20-bookworm-slim
ENV NODE_ENV=production VIGIL_HOST=0.0.0.0 VIGIL_PORT=8080 VIGIL_DATA_DIR=/var/lib/vigil
COPY --from=build /app /app
RUN install -d -o node -g node -m 0700 /var/lib/vigil
WORKDIR /app
USER node
EXPOSE 8080
VOLUME ["/var/lib/vigil"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.VIGIL_PORT || 8080) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
CMD ["node", "--import", "tsx", "server/src/main.ts"]
