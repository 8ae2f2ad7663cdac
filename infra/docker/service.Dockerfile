# One image for every Banjie service (and the one-shot migrations): the services run from the
# compiled build (`npm run build`, as `BANJIE_COMPILED=1 npm start` runs them without Docker); the
# migrations run from the TypeScript sources through @swc-node/register.
#
#   docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=intake-service -t banjie/intake-service .
#
# docker-compose.yml builds it once per service.
FROM node:20-bookworm-slim

# The repository's package.json approves install scripts in `allowScripts`, which npm 11 enforces
# (npm 10, bundled with Node 20, would run every package's scripts). Same npm as the lockfile's.
ARG NPM_VERSION=11.19.1
RUN npm install --global "npm@${NPM_VERSION}" && npm cache clean --force

WORKDIR /app

# Dependencies first, so source edits do not invalidate this layer.
COPY package.json package-lock.json .npmrc* ./
RUN npm ci && npm cache clean --force

COPY tsconfig.base.json tsconfig.json .swcrc ./
COPY libs ./libs
COPY apps ./apps
COPY infra/launcher ./infra/launcher
COPY scripts ./scripts
RUN node -r @swc-node/register scripts/build.ts

ARG SERVICE
ENV SERVICE=${SERVICE} \
    NODE_ENV=production \
    HTTP_HOST=0.0.0.0

# Files stay owned by root (read-only to the app); the process runs as the image's `node` user.
USER node

# Shell form so ${SERVICE} expands at run time (and an image built without it says so); `exec`
# replaces the shell with node, so node itself receives SIGTERM and shuts down gracefully.
CMD exec node "dist/apps/${SERVICE:?build with --build-arg SERVICE=<app directory>}/src/main.js"
