# Build stage: compile and package with Maven, then split the jar into Spring Boot's layers:
# app.jar with its libraries in lib/, the layout a CDS archive needs.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /workspace
COPY pom.xml ./
COPY .mvn .mvn
RUN mvn -B -q dependency:go-offline
COPY src src
# the deployment examples go into the jar: keys copied from them stop start-up
COPY deploy deploy
COPY docker-compose.yml ./
RUN mvn -B -q package -DskipTests \
 && java -Djarmode=tools -jar target/preverified-sync-*.jar extract --layers --application-filename app.jar \
      --destination target/extracted

# Run stage: a Java 25 JRE (the code is compiled for 17 and runs on either; 25 brings the AOT
# cache), a non-root user, the layers from the least to the most often changed.
FROM eclipse-temurin:25-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 app \
 && useradd --system --uid 10001 --gid app --no-create-home app
WORKDIR /app
COPY --from=build /workspace/target/extracted/dependencies/ ./
COPY --from=build /workspace/target/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/target/extracted/application/ ./
# AOT cache: a training run that stops once the context has refreshed (no database needed: Flyway
# and Hibernate's metadata access are off for it) writes the classes it loaded and linked; every
# start maps them, which halves start-up to readiness (bench/startup.sh)
RUN java -XX:AOTCacheOutput=app.aot -Dspring.context.exit=onRefresh -jar app.jar \
      --spring.datasource.url=jdbc:postgresql://localhost:1/training --spring.flyway.enabled=false \
      --spring.jpa.hibernate.ddl-auto=none --spring.jpa.properties.hibernate.boot.allow_jdbc_metadata_access=false \
      --spring.jpa.database-platform=org.hibernate.dialect.PostgreSQLDialect
USER 10001:10001
EXPOSE 8080
# the heap follows the container's memory limit
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75.0 -XX:+ExitOnOutOfMemoryError"
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://localhost:8080/actuator/health/liveness || exit 1
ENTRYPOINT ["java", "-XX:AOTCache=app.aot", "-jar", "app.jar"]
