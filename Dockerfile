# One image for every app: APP selects which one runs (node dist/apps/$APP/src/main.js).
FROM node:24.21-bookworm-slim AS build
WORKDIR /repo
RUN npm install -g pnpm@10.34.8
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml ./
COPY tools/db tools/db
COPY prisma prisma
COPY tsconfig.base.json tsconfig.json .swcrc ./
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm run build

FROM node:24.21-bookworm-slim
WORKDIR /repo
ENV NODE_ENV=production
COPY --from=build /repo /repo
ARG APP=analytics
ENV APP=${APP}
CMD ["sh", "-c", "exec node dist/apps/${APP}/src/main.js"]
