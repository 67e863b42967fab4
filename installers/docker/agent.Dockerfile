# The Vigil agent as a container: the single binary on distroless, as a non-root user.
#   docker build -f installers/docker/agent.Dockerfile -t vigil-agent .      (from the repository root)
#   docker run -v /path/agent.yaml:/etc/vigil/agent.yaml:ro -e VIGIL_API_KEY vigil-agent
# The spool (/var/lib/vigil-agent) should be a volume, so unsent batches survive a new container.

# Build stage: the same esbuild + SEA build as `pnpm build:agent`, on the Debian release the
# runtime image is based on (the binary links that glibc and libstdc++).
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY agent/package.json agent/
COPY server/package.json server/
COPY shared/package.json shared/
COPY proto/package.json proto/
# --ignore-scripts: the agent needs no native build (better-sqlite3 and chdb are the server's).
RUN npx --yes pnpm@9.15.9 install --frozen-lockfile --ignore-scripts
COPY tsconfig.json ./
COPY agent agent
COPY shared shared
COPY proto proto
COPY installers/build-agent.mjs installers/
RUN node installers/build-agent.mjs --out /out

# Runtime: glibc and libstdc++, no shell, no package manager; uid 65532 ("nonroot").
FROM gcr.io/distroless/cc-debian12:nonroot
COPY --from=build /out/vigil-agent /usr/bin/vigil-agent
COPY --chown=65532:65532 installers/docker/spool-dir/ /var/lib/vigil-agent/
USER nonroot
VOLUME ["/var/lib/vigil-agent"]
ENTRYPOINT ["/usr/bin/vigil-agent"]
CMD ["run", "--config", "/etc/vigil/agent.yaml"]
