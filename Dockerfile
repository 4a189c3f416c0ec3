# syntax=docker/dockerfile:1

# ---- build ----
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src

COPY pom.xml mvnw ./
COPY .mvn/ .mvn/
COPY inspection-core/ inspection-core/
COPY inspection-persistence/ inspection-persistence/
COPY db-migrations/ db-migrations/
COPY inspection-web/ inspection-web/
# the web build serves the independent draw verifier and its specification
COPY verifier/ verifier/
COPY docs/draw-algorithm.md docs/draw-algorithm.md

# Cache mount keeps the Maven wrapper and dependencies between builds.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -ntp -DskipTests package

# ---- runtime ----
FROM eclipse-temurin:17-jre

# Fixed uid so orchestrators can check runAsNonRoot.
RUN groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --home-dir /app --no-create-home --shell /usr/sbin/nologin app

# PDF documents embed WenQuanYi Micro Hei (a TrueType CJK
# font PDFBox can subset), read from /usr/share/fonts/truetype/wqy/wqy-microhei.ttc (inspection.documents.cjk-font).
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-wqy-microhei \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY --from=build /src/inspection-web/target/inspection-web.jar /app/app.jar
# Without a datasource the app keeps an embedded PostgreSQL under ./data: the app user must own it
RUN mkdir -p /app/data && chown app:app /app/data
VOLUME /app/data

USER app
EXPOSE 8080

# The Ubuntu-based temurin images already ship curl for the health check.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health || exit 1

ENTRYPOINT ["java", "-jar", "/app/app.jar"]
