import * as $protobuf from "protobufjs";
import Long = require("long");

/** Namespace vigil. */
export namespace vigil {

    /** Namespace v1. */
    namespace v1 {

        /** Engine enum. */
        enum Engine {

            /** ENGINE_UNSPECIFIED value */
            ENGINE_UNSPECIFIED = 0,

            /** POSTGRES value */
            POSTGRES = 1,

            /** CLICKHOUSE value */
            CLICKHOUSE = 2
        }

        /**
         * Properties of an AgentMessage.
         * @deprecated Use vigil.v1.AgentMessage.$Properties instead.
         */
        interface IAgentMessage extends vigil.v1.AgentMessage.$Properties {
        }

        /** Represents an AgentMessage. */
        class AgentMessage {

            /**
             * Constructs a new AgentMessage.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.AgentMessage.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** AgentMessage hello. */
            hello?: (vigil.v1.Hello.$Properties|null);

            /** AgentMessage batch. */
            batch?: (vigil.v1.Batch.$Properties|null);

            /** AgentMessage heartbeat. */
            heartbeat?: (vigil.v1.Heartbeat.$Properties|null);

            /** AgentMessage commandResult. */
            commandResult?: (vigil.v1.CommandResult.$Properties|null);

            /** AgentMessage kind. */
            kind?: ("hello"|"batch"|"heartbeat"|"commandResult");

            /**
             * Creates a new AgentMessage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns AgentMessage instance
             */
            static create(properties: vigil.v1.AgentMessage.$Shape): vigil.v1.AgentMessage & vigil.v1.AgentMessage.$Shape;
            static create(properties?: vigil.v1.AgentMessage.$Properties): vigil.v1.AgentMessage;

            /**
             * Encodes the specified AgentMessage message. Does not implicitly {@link vigil.v1.AgentMessage.verify|verify} messages.
             * @param m AgentMessage message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.AgentMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified AgentMessage message, length delimited. Does not implicitly {@link vigil.v1.AgentMessage.verify|verify} messages.
             * @param message AgentMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.AgentMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an AgentMessage message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.AgentMessage & vigil.v1.AgentMessage.$Shape} AgentMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.AgentMessage & vigil.v1.AgentMessage.$Shape;

            /**
             * Decodes an AgentMessage message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.AgentMessage & vigil.v1.AgentMessage.$Shape} AgentMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.AgentMessage & vigil.v1.AgentMessage.$Shape;

            /**
             * Verifies an AgentMessage message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an AgentMessage message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns AgentMessage
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.AgentMessage;

            /**
             * Creates a plain object from an AgentMessage message. Also converts values to other types if specified.
             * @param m AgentMessage
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.AgentMessage, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this AgentMessage to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for AgentMessage
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace AgentMessage {

            /** Properties of an AgentMessage. */
            interface $Properties {

                /** AgentMessage hello */
                hello?: (vigil.v1.Hello.$Properties|null);

                /** AgentMessage batch */
                batch?: (vigil.v1.Batch.$Properties|null);

                /** AgentMessage heartbeat */
                heartbeat?: (vigil.v1.Heartbeat.$Properties|null);

                /** AgentMessage commandResult */
                commandResult?: (vigil.v1.CommandResult.$Properties|null);

                /** AgentMessage kind */
                kind?: ("hello"|"batch"|"heartbeat"|"commandResult");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of an AgentMessage. */
            type $Shape = {
              hello?: vigil.v1.Hello.$Shape|null;
              batch?: vigil.v1.Batch.$Shape|null;
              heartbeat?: vigil.v1.Heartbeat.$Shape|null;
              commandResult?: vigil.v1.CommandResult.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; hello?: null; batch?: null; heartbeat?: null; commandResult?: null }|{ kind?: "hello"; hello: vigil.v1.Hello.$Shape; batch?: null; heartbeat?: null; commandResult?: null }|{ kind?: "batch"; hello?: null; batch: vigil.v1.Batch.$Shape; heartbeat?: null; commandResult?: null }|{ kind?: "heartbeat"; hello?: null; batch?: null; heartbeat: vigil.v1.Heartbeat.$Shape; commandResult?: null }|{ kind?: "commandResult"; hello?: null; batch?: null; heartbeat?: null; commandResult: vigil.v1.CommandResult.$Shape })
            );
        }

        /**
         * Properties of a Hello.
         * @deprecated Use vigil.v1.Hello.$Properties instead.
         */
        interface IHello extends vigil.v1.Hello.$Properties {
        }

        /** Represents a Hello. */
        class Hello {

            /**
             * Constructs a new Hello.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.Hello.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Hello protocolMajor. */
            protocolMajor: number;

            /** Hello protocolMinor. */
            protocolMinor: number;

            /** Hello agentVersion. */
            agentVersion: string;

            /** Hello hostname. */
            hostname: string;

            /** Hello databases. */
            databases: vigil.v1.DatabaseInfo.$Properties[];

            /** Hello probe. */
            probe: boolean;

            /**
             * Creates a new Hello instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Hello instance
             */
            static create(properties: vigil.v1.Hello.$Shape): vigil.v1.Hello & vigil.v1.Hello.$Shape;
            static create(properties?: vigil.v1.Hello.$Properties): vigil.v1.Hello;

            /**
             * Encodes the specified Hello message. Does not implicitly {@link vigil.v1.Hello.verify|verify} messages.
             * @param m Hello message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.Hello.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Hello message, length delimited. Does not implicitly {@link vigil.v1.Hello.verify|verify} messages.
             * @param message Hello message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.Hello.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.Hello & vigil.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.Hello & vigil.v1.Hello.$Shape;

            /**
             * Decodes a Hello message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.Hello & vigil.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.Hello & vigil.v1.Hello.$Shape;

            /**
             * Verifies a Hello message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Hello
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.Hello;

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @param m Hello
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.Hello, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Hello to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Hello
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Hello {

            /** Properties of a Hello. */
            interface $Properties {

                /** Hello protocolMajor */
                protocolMajor?: (number|null);

                /** Hello protocolMinor */
                protocolMinor?: (number|null);

                /** Hello agentVersion */
                agentVersion?: (string|null);

                /** Hello hostname */
                hostname?: (string|null);

                /** Hello databases */
                databases?: (vigil.v1.DatabaseInfo.$Properties[]|null);

                /** Hello probe */
                probe?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Hello. */
            type $Shape = vigil.v1.Hello.$Properties;
        }

        /**
         * Properties of a DatabaseInfo.
         * @deprecated Use vigil.v1.DatabaseInfo.$Properties instead.
         */
        interface IDatabaseInfo extends vigil.v1.DatabaseInfo.$Properties {
        }

        /** Represents a DatabaseInfo. */
        class DatabaseInfo {

            /**
             * Constructs a new DatabaseInfo.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.DatabaseInfo.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DatabaseInfo name. */
            name: string;

            /** DatabaseInfo engine. */
            engine: vigil.v1.Engine;

            /** DatabaseInfo serverVersion. */
            serverVersion: string;

            /** DatabaseInfo host. */
            host: string;

            /** DatabaseInfo port. */
            port: number;

            /**
             * Creates a new DatabaseInfo instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DatabaseInfo instance
             */
            static create(properties: vigil.v1.DatabaseInfo.$Shape): vigil.v1.DatabaseInfo & vigil.v1.DatabaseInfo.$Shape;
            static create(properties?: vigil.v1.DatabaseInfo.$Properties): vigil.v1.DatabaseInfo;

            /**
             * Encodes the specified DatabaseInfo message. Does not implicitly {@link vigil.v1.DatabaseInfo.verify|verify} messages.
             * @param m DatabaseInfo message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.DatabaseInfo.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified DatabaseInfo message, length delimited. Does not implicitly {@link vigil.v1.DatabaseInfo.verify|verify} messages.
             * @param message DatabaseInfo message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.DatabaseInfo.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DatabaseInfo message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.DatabaseInfo & vigil.v1.DatabaseInfo.$Shape} DatabaseInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.DatabaseInfo & vigil.v1.DatabaseInfo.$Shape;

            /**
             * Decodes a DatabaseInfo message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.DatabaseInfo & vigil.v1.DatabaseInfo.$Shape} DatabaseInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.DatabaseInfo & vigil.v1.DatabaseInfo.$Shape;

            /**
             * Verifies a DatabaseInfo message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a DatabaseInfo message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns DatabaseInfo
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.DatabaseInfo;

            /**
             * Creates a plain object from a DatabaseInfo message. Also converts values to other types if specified.
             * @param m DatabaseInfo
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.DatabaseInfo, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DatabaseInfo to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DatabaseInfo
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DatabaseInfo {

            /** Properties of a DatabaseInfo. */
            interface $Properties {

                /** DatabaseInfo name */
                name?: (string|null);

                /** DatabaseInfo engine */
                engine?: (vigil.v1.Engine|null);

                /** DatabaseInfo serverVersion */
                serverVersion?: (string|null);

                /** DatabaseInfo host */
                host?: (string|null);

                /** DatabaseInfo port */
                port?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DatabaseInfo. */
            type $Shape = vigil.v1.DatabaseInfo.$Properties;
        }

        /**
         * Properties of a Batch.
         * @deprecated Use vigil.v1.Batch.$Properties instead.
         */
        interface IBatch extends vigil.v1.Batch.$Properties {
        }

        /** Represents a Batch. */
        class Batch {

            /**
             * Constructs a new Batch.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.Batch.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Batch batchId. */
            batchId: string;

            /** Batch seq. */
            seq: number;

            /** Batch database. */
            database: string;

            /** Batch windowStartMs. */
            windowStartMs: number;

            /** Batch windowEndMs. */
            windowEndMs: number;

            /** Batch statements. */
            statements: vigil.v1.StatementStat.$Properties[];

            /** Batch statementTexts. */
            statementTexts: vigil.v1.StatementText.$Properties[];

            /** Batch pgActivity. */
            pgActivity: vigil.v1.PgActivitySnapshot.$Properties[];

            /** Batch pgLocks. */
            pgLocks: vigil.v1.PgLockSnapshot.$Properties[];

            /** Batch pgWaitEvents. */
            pgWaitEvents: vigil.v1.PgWaitEventPeriod.$Properties[];

            /** Batch pgDatabaseObjects. */
            pgDatabaseObjects: vigil.v1.PgDatabaseObjects.$Properties[];

            /** Batch pgReplication. */
            pgReplication: vigil.v1.PgReplicationSnapshot.$Properties[];

            /** Batch pgServer. */
            pgServer: vigil.v1.PgServerSnapshot.$Properties[];

            /** Batch clickhouseQueries. */
            clickhouseQueries: vigil.v1.ClickHouseQueryStat.$Properties[];

            /** Batch clickhouseParts. */
            clickhouseParts: vigil.v1.ClickHousePartsSnapshot.$Properties[];

            /** Batch clickhouseMerges. */
            clickhouseMerges: vigil.v1.ClickHouseMergesSnapshot.$Properties[];

            /** Batch clickhouseMutations. */
            clickhouseMutations: vigil.v1.ClickHouseMutationsSnapshot.$Properties[];

            /** Batch clickhouseReplicas. */
            clickhouseReplicas: vigil.v1.ClickHouseReplicasSnapshot.$Properties[];

            /** Batch clickhouseReplicationQueue. */
            clickhouseReplicationQueue: vigil.v1.ClickHouseReplicationQueueSnapshot.$Properties[];

            /** Batch clickhouseDisks. */
            clickhouseDisks: vigil.v1.ClickHouseDisksSnapshot.$Properties[];

            /** Batch clickhouseErrors. */
            clickhouseErrors: vigil.v1.ClickHouseErrorsSnapshot.$Properties[];

            /** Batch clickhouseServer. */
            clickhouseServer: vigil.v1.ClickHouseServerSnapshot.$Properties[];

            /** Batch clickhouseProcesses. */
            clickhouseProcesses: vigil.v1.ClickHouseProcessesSnapshot.$Properties[];

            /** Batch clickhouseTableSchemas. */
            clickhouseTableSchemas: vigil.v1.ClickHouseTableSchemasSnapshot.$Properties[];

            /** Batch clickhouseKeeper. */
            clickhouseKeeper: vigil.v1.ClickHouseKeeperSnapshot.$Properties[];

            /**
             * Creates a new Batch instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Batch instance
             */
            static create(properties: vigil.v1.Batch.$Shape): vigil.v1.Batch & vigil.v1.Batch.$Shape;
            static create(properties?: vigil.v1.Batch.$Properties): vigil.v1.Batch;

            /**
             * Encodes the specified Batch message. Does not implicitly {@link vigil.v1.Batch.verify|verify} messages.
             * @param m Batch message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.Batch.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Batch message, length delimited. Does not implicitly {@link vigil.v1.Batch.verify|verify} messages.
             * @param message Batch message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.Batch.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Batch message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.Batch & vigil.v1.Batch.$Shape} Batch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.Batch & vigil.v1.Batch.$Shape;

            /**
             * Decodes a Batch message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.Batch & vigil.v1.Batch.$Shape} Batch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.Batch & vigil.v1.Batch.$Shape;

            /**
             * Verifies a Batch message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Batch message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Batch
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.Batch;

            /**
             * Creates a plain object from a Batch message. Also converts values to other types if specified.
             * @param m Batch
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.Batch, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Batch to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Batch
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Batch {

            /** Properties of a Batch. */
            interface $Properties {

                /** Batch batchId */
                batchId?: (string|null);

                /** Batch seq */
                seq?: (number|null);

                /** Batch database */
                database?: (string|null);

                /** Batch windowStartMs */
                windowStartMs?: (number|null);

                /** Batch windowEndMs */
                windowEndMs?: (number|null);

                /** Batch statements */
                statements?: (vigil.v1.StatementStat.$Properties[]|null);

                /** Batch statementTexts */
                statementTexts?: (vigil.v1.StatementText.$Properties[]|null);

                /** Batch pgActivity */
                pgActivity?: (vigil.v1.PgActivitySnapshot.$Properties[]|null);

                /** Batch pgLocks */
                pgLocks?: (vigil.v1.PgLockSnapshot.$Properties[]|null);

                /** Batch pgWaitEvents */
                pgWaitEvents?: (vigil.v1.PgWaitEventPeriod.$Properties[]|null);

                /** Batch pgDatabaseObjects */
                pgDatabaseObjects?: (vigil.v1.PgDatabaseObjects.$Properties[]|null);

                /** Batch pgReplication */
                pgReplication?: (vigil.v1.PgReplicationSnapshot.$Properties[]|null);

                /** Batch pgServer */
                pgServer?: (vigil.v1.PgServerSnapshot.$Properties[]|null);

                /** Batch clickhouseQueries */
                clickhouseQueries?: (vigil.v1.ClickHouseQueryStat.$Properties[]|null);

                /** Batch clickhouseParts */
                clickhouseParts?: (vigil.v1.ClickHousePartsSnapshot.$Properties[]|null);

                /** Batch clickhouseMerges */
                clickhouseMerges?: (vigil.v1.ClickHouseMergesSnapshot.$Properties[]|null);

                /** Batch clickhouseMutations */
                clickhouseMutations?: (vigil.v1.ClickHouseMutationsSnapshot.$Properties[]|null);

                /** Batch clickhouseReplicas */
                clickhouseReplicas?: (vigil.v1.ClickHouseReplicasSnapshot.$Properties[]|null);

                /** Batch clickhouseReplicationQueue */
                clickhouseReplicationQueue?: (vigil.v1.ClickHouseReplicationQueueSnapshot.$Properties[]|null);

                /** Batch clickhouseDisks */
                clickhouseDisks?: (vigil.v1.ClickHouseDisksSnapshot.$Properties[]|null);

                /** Batch clickhouseErrors */
                clickhouseErrors?: (vigil.v1.ClickHouseErrorsSnapshot.$Properties[]|null);

                /** Batch clickhouseServer */
                clickhouseServer?: (vigil.v1.ClickHouseServerSnapshot.$Properties[]|null);

                /** Batch clickhouseProcesses */
                clickhouseProcesses?: (vigil.v1.ClickHouseProcessesSnapshot.$Properties[]|null);

                /** Batch clickhouseTableSchemas */
                clickhouseTableSchemas?: (vigil.v1.ClickHouseTableSchemasSnapshot.$Properties[]|null);

                /** Batch clickhouseKeeper */
                clickhouseKeeper?: (vigil.v1.ClickHouseKeeperSnapshot.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Batch. */
            type $Shape = vigil.v1.Batch.$Properties;
        }

        /**
         * Properties of a StatementStat.
         * @deprecated Use vigil.v1.StatementStat.$Properties instead.
         */
        interface IStatementStat extends vigil.v1.StatementStat.$Properties {
        }

        /** Represents a StatementStat. */
        class StatementStat {

            /**
             * Constructs a new StatementStat.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.StatementStat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StatementStat queryHash. */
            queryHash: string;

            /** StatementStat queryText. */
            queryText: string;

            /** StatementStat dbid. */
            dbid: number;

            /** StatementStat userid. */
            userid: number;

            /** StatementStat username. */
            username: string;

            /** StatementStat toplevel. */
            toplevel: boolean;

            /** StatementStat calls. */
            calls: number;

            /** StatementStat totalTimeMs. */
            totalTimeMs: number;

            /** StatementStat rows. */
            rows: number;

            /** StatementStat sharedBlksHit. */
            sharedBlksHit: number;

            /** StatementStat sharedBlksRead. */
            sharedBlksRead: number;

            /** StatementStat sharedBlksDirtied. */
            sharedBlksDirtied: number;

            /** StatementStat sharedBlksWritten. */
            sharedBlksWritten: number;

            /** StatementStat tempBlksRead. */
            tempBlksRead: number;

            /** StatementStat tempBlksWritten. */
            tempBlksWritten: number;

            /** StatementStat blkReadTimeMs. */
            blkReadTimeMs: number;

            /** StatementStat blkWriteTimeMs. */
            blkWriteTimeMs: number;

            /** StatementStat totalPlanTimeMs. */
            totalPlanTimeMs: number;

            /** StatementStat datname. */
            datname: string;

            /** StatementStat plans. */
            plans: number;

            /** StatementStat localBlksHit. */
            localBlksHit: number;

            /** StatementStat localBlksRead. */
            localBlksRead: number;

            /** StatementStat localBlksDirtied. */
            localBlksDirtied: number;

            /** StatementStat localBlksWritten. */
            localBlksWritten: number;

            /** StatementStat tempBlkReadTimeMs. */
            tempBlkReadTimeMs: number;

            /** StatementStat tempBlkWriteTimeMs. */
            tempBlkWriteTimeMs: number;

            /** StatementStat localBlkReadTimeMs. */
            localBlkReadTimeMs: number;

            /** StatementStat localBlkWriteTimeMs. */
            localBlkWriteTimeMs: number;

            /** StatementStat walRecords. */
            walRecords: number;

            /** StatementStat walFpi. */
            walFpi: number;

            /** StatementStat walBytes. */
            walBytes: number;

            /**
             * Creates a new StatementStat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StatementStat instance
             */
            static create(properties: vigil.v1.StatementStat.$Shape): vigil.v1.StatementStat & vigil.v1.StatementStat.$Shape;
            static create(properties?: vigil.v1.StatementStat.$Properties): vigil.v1.StatementStat;

            /**
             * Encodes the specified StatementStat message. Does not implicitly {@link vigil.v1.StatementStat.verify|verify} messages.
             * @param m StatementStat message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.StatementStat.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified StatementStat message, length delimited. Does not implicitly {@link vigil.v1.StatementStat.verify|verify} messages.
             * @param message StatementStat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.StatementStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StatementStat message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.StatementStat & vigil.v1.StatementStat.$Shape} StatementStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.StatementStat & vigil.v1.StatementStat.$Shape;

            /**
             * Decodes a StatementStat message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.StatementStat & vigil.v1.StatementStat.$Shape} StatementStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.StatementStat & vigil.v1.StatementStat.$Shape;

            /**
             * Verifies a StatementStat message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a StatementStat message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns StatementStat
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.StatementStat;

            /**
             * Creates a plain object from a StatementStat message. Also converts values to other types if specified.
             * @param m StatementStat
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.StatementStat, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StatementStat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for StatementStat
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace StatementStat {

            /** Properties of a StatementStat. */
            interface $Properties {

                /** StatementStat queryHash */
                queryHash?: (string|null);

                /** StatementStat queryText */
                queryText?: (string|null);

                /** StatementStat dbid */
                dbid?: (number|null);

                /** StatementStat userid */
                userid?: (number|null);

                /** StatementStat username */
                username?: (string|null);

                /** StatementStat toplevel */
                toplevel?: (boolean|null);

                /** StatementStat calls */
                calls?: (number|null);

                /** StatementStat totalTimeMs */
                totalTimeMs?: (number|null);

                /** StatementStat rows */
                rows?: (number|null);

                /** StatementStat sharedBlksHit */
                sharedBlksHit?: (number|null);

                /** StatementStat sharedBlksRead */
                sharedBlksRead?: (number|null);

                /** StatementStat sharedBlksDirtied */
                sharedBlksDirtied?: (number|null);

                /** StatementStat sharedBlksWritten */
                sharedBlksWritten?: (number|null);

                /** StatementStat tempBlksRead */
                tempBlksRead?: (number|null);

                /** StatementStat tempBlksWritten */
                tempBlksWritten?: (number|null);

                /** StatementStat blkReadTimeMs */
                blkReadTimeMs?: (number|null);

                /** StatementStat blkWriteTimeMs */
                blkWriteTimeMs?: (number|null);

                /** StatementStat totalPlanTimeMs */
                totalPlanTimeMs?: (number|null);

                /** StatementStat datname */
                datname?: (string|null);

                /** StatementStat plans */
                plans?: (number|null);

                /** StatementStat localBlksHit */
                localBlksHit?: (number|null);

                /** StatementStat localBlksRead */
                localBlksRead?: (number|null);

                /** StatementStat localBlksDirtied */
                localBlksDirtied?: (number|null);

                /** StatementStat localBlksWritten */
                localBlksWritten?: (number|null);

                /** StatementStat tempBlkReadTimeMs */
                tempBlkReadTimeMs?: (number|null);

                /** StatementStat tempBlkWriteTimeMs */
                tempBlkWriteTimeMs?: (number|null);

                /** StatementStat localBlkReadTimeMs */
                localBlkReadTimeMs?: (number|null);

                /** StatementStat localBlkWriteTimeMs */
                localBlkWriteTimeMs?: (number|null);

                /** StatementStat walRecords */
                walRecords?: (number|null);

                /** StatementStat walFpi */
                walFpi?: (number|null);

                /** StatementStat walBytes */
                walBytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StatementStat. */
            type $Shape = vigil.v1.StatementStat.$Properties;
        }

        /**
         * Properties of a StatementText.
         * @deprecated Use vigil.v1.StatementText.$Properties instead.
         */
        interface IStatementText extends vigil.v1.StatementText.$Properties {
        }

        /** Represents a StatementText. */
        class StatementText {

            /**
             * Constructs a new StatementText.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.StatementText.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** StatementText queryHash. */
            queryHash: string;

            /** StatementText queryText. */
            queryText: string;

            /**
             * Creates a new StatementText instance using the specified properties.
             * @param [properties] Properties to set
             * @returns StatementText instance
             */
            static create(properties: vigil.v1.StatementText.$Shape): vigil.v1.StatementText & vigil.v1.StatementText.$Shape;
            static create(properties?: vigil.v1.StatementText.$Properties): vigil.v1.StatementText;

            /**
             * Encodes the specified StatementText message. Does not implicitly {@link vigil.v1.StatementText.verify|verify} messages.
             * @param m StatementText message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.StatementText.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified StatementText message, length delimited. Does not implicitly {@link vigil.v1.StatementText.verify|verify} messages.
             * @param message StatementText message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.StatementText.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a StatementText message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.StatementText & vigil.v1.StatementText.$Shape} StatementText
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.StatementText & vigil.v1.StatementText.$Shape;

            /**
             * Decodes a StatementText message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.StatementText & vigil.v1.StatementText.$Shape} StatementText
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.StatementText & vigil.v1.StatementText.$Shape;

            /**
             * Verifies a StatementText message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a StatementText message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns StatementText
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.StatementText;

            /**
             * Creates a plain object from a StatementText message. Also converts values to other types if specified.
             * @param m StatementText
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.StatementText, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this StatementText to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for StatementText
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace StatementText {

            /** Properties of a StatementText. */
            interface $Properties {

                /** StatementText queryHash */
                queryHash?: (string|null);

                /** StatementText queryText */
                queryText?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StatementText. */
            type $Shape = vigil.v1.StatementText.$Properties;
        }

        /**
         * Properties of a PgActivitySnapshot.
         * @deprecated Use vigil.v1.PgActivitySnapshot.$Properties instead.
         */
        interface IPgActivitySnapshot extends vigil.v1.PgActivitySnapshot.$Properties {
        }

        /** Represents a PgActivitySnapshot. */
        class PgActivitySnapshot {

            /**
             * Constructs a new PgActivitySnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgActivitySnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgActivitySnapshot tsMs. */
            tsMs: number;

            /** PgActivitySnapshot sessions. */
            sessions: vigil.v1.PgSession.$Properties[];

            /** PgActivitySnapshot sessionsOmitted. */
            sessionsOmitted: number;

            /** PgActivitySnapshot stateCounts. */
            stateCounts: vigil.v1.PgStateCount.$Properties[];

            /** PgActivitySnapshot longestTransactionMs. */
            longestTransactionMs: number;

            /** PgActivitySnapshot longestTransactionPid. */
            longestTransactionPid: number;

            /** PgActivitySnapshot longestIdleInTransactionMs. */
            longestIdleInTransactionMs: number;

            /** PgActivitySnapshot longestIdleInTransactionPid. */
            longestIdleInTransactionPid: number;

            /** PgActivitySnapshot waitingOnLocks. */
            waitingOnLocks: number;

            /**
             * Creates a new PgActivitySnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgActivitySnapshot instance
             */
            static create(properties: vigil.v1.PgActivitySnapshot.$Shape): vigil.v1.PgActivitySnapshot & vigil.v1.PgActivitySnapshot.$Shape;
            static create(properties?: vigil.v1.PgActivitySnapshot.$Properties): vigil.v1.PgActivitySnapshot;

            /**
             * Encodes the specified PgActivitySnapshot message. Does not implicitly {@link vigil.v1.PgActivitySnapshot.verify|verify} messages.
             * @param m PgActivitySnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgActivitySnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgActivitySnapshot message, length delimited. Does not implicitly {@link vigil.v1.PgActivitySnapshot.verify|verify} messages.
             * @param message PgActivitySnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgActivitySnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgActivitySnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgActivitySnapshot & vigil.v1.PgActivitySnapshot.$Shape} PgActivitySnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgActivitySnapshot & vigil.v1.PgActivitySnapshot.$Shape;

            /**
             * Decodes a PgActivitySnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgActivitySnapshot & vigil.v1.PgActivitySnapshot.$Shape} PgActivitySnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgActivitySnapshot & vigil.v1.PgActivitySnapshot.$Shape;

            /**
             * Verifies a PgActivitySnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgActivitySnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgActivitySnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgActivitySnapshot;

            /**
             * Creates a plain object from a PgActivitySnapshot message. Also converts values to other types if specified.
             * @param m PgActivitySnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgActivitySnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgActivitySnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgActivitySnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgActivitySnapshot {

            /** Properties of a PgActivitySnapshot. */
            interface $Properties {

                /** PgActivitySnapshot tsMs */
                tsMs?: (number|null);

                /** PgActivitySnapshot sessions */
                sessions?: (vigil.v1.PgSession.$Properties[]|null);

                /** PgActivitySnapshot sessionsOmitted */
                sessionsOmitted?: (number|null);

                /** PgActivitySnapshot stateCounts */
                stateCounts?: (vigil.v1.PgStateCount.$Properties[]|null);

                /** PgActivitySnapshot longestTransactionMs */
                longestTransactionMs?: (number|null);

                /** PgActivitySnapshot longestTransactionPid */
                longestTransactionPid?: (number|null);

                /** PgActivitySnapshot longestIdleInTransactionMs */
                longestIdleInTransactionMs?: (number|null);

                /** PgActivitySnapshot longestIdleInTransactionPid */
                longestIdleInTransactionPid?: (number|null);

                /** PgActivitySnapshot waitingOnLocks */
                waitingOnLocks?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgActivitySnapshot. */
            type $Shape = vigil.v1.PgActivitySnapshot.$Properties;
        }

        /**
         * Properties of a PgStateCount.
         * @deprecated Use vigil.v1.PgStateCount.$Properties instead.
         */
        interface IPgStateCount extends vigil.v1.PgStateCount.$Properties {
        }

        /** Represents a PgStateCount. */
        class PgStateCount {

            /**
             * Constructs a new PgStateCount.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgStateCount.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgStateCount state. */
            state: string;

            /** PgStateCount count. */
            count: number;

            /**
             * Creates a new PgStateCount instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgStateCount instance
             */
            static create(properties: vigil.v1.PgStateCount.$Shape): vigil.v1.PgStateCount & vigil.v1.PgStateCount.$Shape;
            static create(properties?: vigil.v1.PgStateCount.$Properties): vigil.v1.PgStateCount;

            /**
             * Encodes the specified PgStateCount message. Does not implicitly {@link vigil.v1.PgStateCount.verify|verify} messages.
             * @param m PgStateCount message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgStateCount.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgStateCount message, length delimited. Does not implicitly {@link vigil.v1.PgStateCount.verify|verify} messages.
             * @param message PgStateCount message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgStateCount.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgStateCount message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgStateCount & vigil.v1.PgStateCount.$Shape} PgStateCount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgStateCount & vigil.v1.PgStateCount.$Shape;

            /**
             * Decodes a PgStateCount message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgStateCount & vigil.v1.PgStateCount.$Shape} PgStateCount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgStateCount & vigil.v1.PgStateCount.$Shape;

            /**
             * Verifies a PgStateCount message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgStateCount message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgStateCount
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgStateCount;

            /**
             * Creates a plain object from a PgStateCount message. Also converts values to other types if specified.
             * @param m PgStateCount
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgStateCount, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgStateCount to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgStateCount
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgStateCount {

            /** Properties of a PgStateCount. */
            interface $Properties {

                /** PgStateCount state */
                state?: (string|null);

                /** PgStateCount count */
                count?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgStateCount. */
            type $Shape = vigil.v1.PgStateCount.$Properties;
        }

        /**
         * Properties of a PgSession.
         * @deprecated Use vigil.v1.PgSession.$Properties instead.
         */
        interface IPgSession extends vigil.v1.PgSession.$Properties {
        }

        /** Represents a PgSession. */
        class PgSession {

            /**
             * Constructs a new PgSession.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgSession.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgSession pid. */
            pid: number;

            /** PgSession datname. */
            datname: string;

            /** PgSession usename. */
            usename: string;

            /** PgSession applicationName. */
            applicationName: string;

            /** PgSession clientAddr. */
            clientAddr: string;

            /** PgSession backendType. */
            backendType: string;

            /** PgSession state. */
            state: string;

            /** PgSession waitEventType. */
            waitEventType: string;

            /** PgSession waitEvent. */
            waitEvent: string;

            /** PgSession queryStartMs. */
            queryStartMs: number;

            /** PgSession queryDurationMs. */
            queryDurationMs: number;

            /** PgSession xactStartMs. */
            xactStartMs: number;

            /** PgSession xactDurationMs. */
            xactDurationMs: number;

            /** PgSession stateDurationMs. */
            stateDurationMs: number;

            /** PgSession backendXidAge. */
            backendXidAge: number;

            /** PgSession backendXminAge. */
            backendXminAge: number;

            /** PgSession blockingPids. */
            blockingPids: number[];

            /** PgSession query. */
            query: string;

            /** PgSession queryHash. */
            queryHash: string;

            /**
             * Creates a new PgSession instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgSession instance
             */
            static create(properties: vigil.v1.PgSession.$Shape): vigil.v1.PgSession & vigil.v1.PgSession.$Shape;
            static create(properties?: vigil.v1.PgSession.$Properties): vigil.v1.PgSession;

            /**
             * Encodes the specified PgSession message. Does not implicitly {@link vigil.v1.PgSession.verify|verify} messages.
             * @param m PgSession message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgSession.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgSession message, length delimited. Does not implicitly {@link vigil.v1.PgSession.verify|verify} messages.
             * @param message PgSession message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgSession.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgSession message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgSession & vigil.v1.PgSession.$Shape} PgSession
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgSession & vigil.v1.PgSession.$Shape;

            /**
             * Decodes a PgSession message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgSession & vigil.v1.PgSession.$Shape} PgSession
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgSession & vigil.v1.PgSession.$Shape;

            /**
             * Verifies a PgSession message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgSession message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgSession
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgSession;

            /**
             * Creates a plain object from a PgSession message. Also converts values to other types if specified.
             * @param m PgSession
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgSession, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgSession to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgSession
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgSession {

            /** Properties of a PgSession. */
            interface $Properties {

                /** PgSession pid */
                pid?: (number|null);

                /** PgSession datname */
                datname?: (string|null);

                /** PgSession usename */
                usename?: (string|null);

                /** PgSession applicationName */
                applicationName?: (string|null);

                /** PgSession clientAddr */
                clientAddr?: (string|null);

                /** PgSession backendType */
                backendType?: (string|null);

                /** PgSession state */
                state?: (string|null);

                /** PgSession waitEventType */
                waitEventType?: (string|null);

                /** PgSession waitEvent */
                waitEvent?: (string|null);

                /** PgSession queryStartMs */
                queryStartMs?: (number|null);

                /** PgSession queryDurationMs */
                queryDurationMs?: (number|null);

                /** PgSession xactStartMs */
                xactStartMs?: (number|null);

                /** PgSession xactDurationMs */
                xactDurationMs?: (number|null);

                /** PgSession stateDurationMs */
                stateDurationMs?: (number|null);

                /** PgSession backendXidAge */
                backendXidAge?: (number|null);

                /** PgSession backendXminAge */
                backendXminAge?: (number|null);

                /** PgSession blockingPids */
                blockingPids?: (number[]|null);

                /** PgSession query */
                query?: (string|null);

                /** PgSession queryHash */
                queryHash?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgSession. */
            type $Shape = vigil.v1.PgSession.$Properties;
        }

        /**
         * Properties of a PgLockSnapshot.
         * @deprecated Use vigil.v1.PgLockSnapshot.$Properties instead.
         */
        interface IPgLockSnapshot extends vigil.v1.PgLockSnapshot.$Properties {
        }

        /** Represents a PgLockSnapshot. */
        class PgLockSnapshot {

            /**
             * Constructs a new PgLockSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgLockSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgLockSnapshot tsMs. */
            tsMs: number;

            /** PgLockSnapshot locks. */
            locks: vigil.v1.PgLock.$Properties[];

            /** PgLockSnapshot locksOmitted. */
            locksOmitted: number;

            /** PgLockSnapshot counts. */
            counts: vigil.v1.PgLockCount.$Properties[];

            /**
             * Creates a new PgLockSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgLockSnapshot instance
             */
            static create(properties: vigil.v1.PgLockSnapshot.$Shape): vigil.v1.PgLockSnapshot & vigil.v1.PgLockSnapshot.$Shape;
            static create(properties?: vigil.v1.PgLockSnapshot.$Properties): vigil.v1.PgLockSnapshot;

            /**
             * Encodes the specified PgLockSnapshot message. Does not implicitly {@link vigil.v1.PgLockSnapshot.verify|verify} messages.
             * @param m PgLockSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgLockSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgLockSnapshot message, length delimited. Does not implicitly {@link vigil.v1.PgLockSnapshot.verify|verify} messages.
             * @param message PgLockSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgLockSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgLockSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgLockSnapshot & vigil.v1.PgLockSnapshot.$Shape} PgLockSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgLockSnapshot & vigil.v1.PgLockSnapshot.$Shape;

            /**
             * Decodes a PgLockSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgLockSnapshot & vigil.v1.PgLockSnapshot.$Shape} PgLockSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgLockSnapshot & vigil.v1.PgLockSnapshot.$Shape;

            /**
             * Verifies a PgLockSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgLockSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgLockSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgLockSnapshot;

            /**
             * Creates a plain object from a PgLockSnapshot message. Also converts values to other types if specified.
             * @param m PgLockSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgLockSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgLockSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgLockSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgLockSnapshot {

            /** Properties of a PgLockSnapshot. */
            interface $Properties {

                /** PgLockSnapshot tsMs */
                tsMs?: (number|null);

                /** PgLockSnapshot locks */
                locks?: (vigil.v1.PgLock.$Properties[]|null);

                /** PgLockSnapshot locksOmitted */
                locksOmitted?: (number|null);

                /** PgLockSnapshot counts */
                counts?: (vigil.v1.PgLockCount.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgLockSnapshot. */
            type $Shape = vigil.v1.PgLockSnapshot.$Properties;
        }

        /**
         * Properties of a PgLock.
         * @deprecated Use vigil.v1.PgLock.$Properties instead.
         */
        interface IPgLock extends vigil.v1.PgLock.$Properties {
        }

        /** Represents a PgLock. */
        class PgLock {

            /**
             * Constructs a new PgLock.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgLock.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgLock pid. */
            pid: number;

            /** PgLock locktype. */
            locktype: string;

            /** PgLock mode. */
            mode: string;

            /** PgLock granted. */
            granted: boolean;

            /** PgLock fastpath. */
            fastpath: boolean;

            /** PgLock datname. */
            datname: string;

            /** PgLock relation. */
            relation: string;

            /** PgLock relationOid. */
            relationOid: number;

            /** PgLock page. */
            page: number;

            /** PgLock tuple. */
            tuple: number;

            /** PgLock virtualxid. */
            virtualxid: string;

            /** PgLock transactionid. */
            transactionid: string;

            /** PgLock classid. */
            classid: number;

            /** PgLock objid. */
            objid: number;

            /** PgLock objsubid. */
            objsubid: number;

            /** PgLock blockingPids. */
            blockingPids: number[];

            /** PgLock waitDurationMs. */
            waitDurationMs: number;

            /**
             * Creates a new PgLock instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgLock instance
             */
            static create(properties: vigil.v1.PgLock.$Shape): vigil.v1.PgLock & vigil.v1.PgLock.$Shape;
            static create(properties?: vigil.v1.PgLock.$Properties): vigil.v1.PgLock;

            /**
             * Encodes the specified PgLock message. Does not implicitly {@link vigil.v1.PgLock.verify|verify} messages.
             * @param m PgLock message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgLock.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgLock message, length delimited. Does not implicitly {@link vigil.v1.PgLock.verify|verify} messages.
             * @param message PgLock message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgLock.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgLock message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgLock & vigil.v1.PgLock.$Shape} PgLock
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgLock & vigil.v1.PgLock.$Shape;

            /**
             * Decodes a PgLock message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgLock & vigil.v1.PgLock.$Shape} PgLock
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgLock & vigil.v1.PgLock.$Shape;

            /**
             * Verifies a PgLock message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgLock message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgLock
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgLock;

            /**
             * Creates a plain object from a PgLock message. Also converts values to other types if specified.
             * @param m PgLock
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgLock, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgLock to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgLock
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgLock {

            /** Properties of a PgLock. */
            interface $Properties {

                /** PgLock pid */
                pid?: (number|null);

                /** PgLock locktype */
                locktype?: (string|null);

                /** PgLock mode */
                mode?: (string|null);

                /** PgLock granted */
                granted?: (boolean|null);

                /** PgLock fastpath */
                fastpath?: (boolean|null);

                /** PgLock datname */
                datname?: (string|null);

                /** PgLock relation */
                relation?: (string|null);

                /** PgLock relationOid */
                relationOid?: (number|null);

                /** PgLock page */
                page?: (number|null);

                /** PgLock tuple */
                tuple?: (number|null);

                /** PgLock virtualxid */
                virtualxid?: (string|null);

                /** PgLock transactionid */
                transactionid?: (string|null);

                /** PgLock classid */
                classid?: (number|null);

                /** PgLock objid */
                objid?: (number|null);

                /** PgLock objsubid */
                objsubid?: (number|null);

                /** PgLock blockingPids */
                blockingPids?: (number[]|null);

                /** PgLock waitDurationMs */
                waitDurationMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgLock. */
            type $Shape = vigil.v1.PgLock.$Properties;
        }

        /**
         * Properties of a PgLockCount.
         * @deprecated Use vigil.v1.PgLockCount.$Properties instead.
         */
        interface IPgLockCount extends vigil.v1.PgLockCount.$Properties {
        }

        /** Represents a PgLockCount. */
        class PgLockCount {

            /**
             * Constructs a new PgLockCount.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgLockCount.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgLockCount locktype. */
            locktype: string;

            /** PgLockCount mode. */
            mode: string;

            /** PgLockCount granted. */
            granted: boolean;

            /** PgLockCount count. */
            count: number;

            /**
             * Creates a new PgLockCount instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgLockCount instance
             */
            static create(properties: vigil.v1.PgLockCount.$Shape): vigil.v1.PgLockCount & vigil.v1.PgLockCount.$Shape;
            static create(properties?: vigil.v1.PgLockCount.$Properties): vigil.v1.PgLockCount;

            /**
             * Encodes the specified PgLockCount message. Does not implicitly {@link vigil.v1.PgLockCount.verify|verify} messages.
             * @param m PgLockCount message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgLockCount.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgLockCount message, length delimited. Does not implicitly {@link vigil.v1.PgLockCount.verify|verify} messages.
             * @param message PgLockCount message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgLockCount.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgLockCount message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgLockCount & vigil.v1.PgLockCount.$Shape} PgLockCount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgLockCount & vigil.v1.PgLockCount.$Shape;

            /**
             * Decodes a PgLockCount message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgLockCount & vigil.v1.PgLockCount.$Shape} PgLockCount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgLockCount & vigil.v1.PgLockCount.$Shape;

            /**
             * Verifies a PgLockCount message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgLockCount message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgLockCount
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgLockCount;

            /**
             * Creates a plain object from a PgLockCount message. Also converts values to other types if specified.
             * @param m PgLockCount
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgLockCount, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgLockCount to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgLockCount
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgLockCount {

            /** Properties of a PgLockCount. */
            interface $Properties {

                /** PgLockCount locktype */
                locktype?: (string|null);

                /** PgLockCount mode */
                mode?: (string|null);

                /** PgLockCount granted */
                granted?: (boolean|null);

                /** PgLockCount count */
                count?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgLockCount. */
            type $Shape = vigil.v1.PgLockCount.$Properties;
        }

        /**
         * Properties of a PgWaitEventPeriod.
         * @deprecated Use vigil.v1.PgWaitEventPeriod.$Properties instead.
         */
        interface IPgWaitEventPeriod extends vigil.v1.PgWaitEventPeriod.$Properties {
        }

        /** Represents a PgWaitEventPeriod. */
        class PgWaitEventPeriod {

            /**
             * Constructs a new PgWaitEventPeriod.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgWaitEventPeriod.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgWaitEventPeriod periodStartMs. */
            periodStartMs: number;

            /** PgWaitEventPeriod periodEndMs. */
            periodEndMs: number;

            /** PgWaitEventPeriod samples. */
            samples: number;

            /** PgWaitEventPeriod events. */
            events: vigil.v1.PgWaitEventCount.$Properties[];

            /**
             * Creates a new PgWaitEventPeriod instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgWaitEventPeriod instance
             */
            static create(properties: vigil.v1.PgWaitEventPeriod.$Shape): vigil.v1.PgWaitEventPeriod & vigil.v1.PgWaitEventPeriod.$Shape;
            static create(properties?: vigil.v1.PgWaitEventPeriod.$Properties): vigil.v1.PgWaitEventPeriod;

            /**
             * Encodes the specified PgWaitEventPeriod message. Does not implicitly {@link vigil.v1.PgWaitEventPeriod.verify|verify} messages.
             * @param m PgWaitEventPeriod message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgWaitEventPeriod.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgWaitEventPeriod message, length delimited. Does not implicitly {@link vigil.v1.PgWaitEventPeriod.verify|verify} messages.
             * @param message PgWaitEventPeriod message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgWaitEventPeriod.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgWaitEventPeriod message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgWaitEventPeriod & vigil.v1.PgWaitEventPeriod.$Shape} PgWaitEventPeriod
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgWaitEventPeriod & vigil.v1.PgWaitEventPeriod.$Shape;

            /**
             * Decodes a PgWaitEventPeriod message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgWaitEventPeriod & vigil.v1.PgWaitEventPeriod.$Shape} PgWaitEventPeriod
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgWaitEventPeriod & vigil.v1.PgWaitEventPeriod.$Shape;

            /**
             * Verifies a PgWaitEventPeriod message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgWaitEventPeriod message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgWaitEventPeriod
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgWaitEventPeriod;

            /**
             * Creates a plain object from a PgWaitEventPeriod message. Also converts values to other types if specified.
             * @param m PgWaitEventPeriod
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgWaitEventPeriod, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgWaitEventPeriod to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgWaitEventPeriod
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgWaitEventPeriod {

            /** Properties of a PgWaitEventPeriod. */
            interface $Properties {

                /** PgWaitEventPeriod periodStartMs */
                periodStartMs?: (number|null);

                /** PgWaitEventPeriod periodEndMs */
                periodEndMs?: (number|null);

                /** PgWaitEventPeriod samples */
                samples?: (number|null);

                /** PgWaitEventPeriod events */
                events?: (vigil.v1.PgWaitEventCount.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgWaitEventPeriod. */
            type $Shape = vigil.v1.PgWaitEventPeriod.$Properties;
        }

        /**
         * Properties of a PgWaitEventCount.
         * @deprecated Use vigil.v1.PgWaitEventCount.$Properties instead.
         */
        interface IPgWaitEventCount extends vigil.v1.PgWaitEventCount.$Properties {
        }

        /** Represents a PgWaitEventCount. */
        class PgWaitEventCount {

            /**
             * Constructs a new PgWaitEventCount.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgWaitEventCount.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgWaitEventCount waitEventType. */
            waitEventType: string;

            /** PgWaitEventCount waitEvent. */
            waitEvent: string;

            /** PgWaitEventCount count. */
            count: number;

            /**
             * Creates a new PgWaitEventCount instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgWaitEventCount instance
             */
            static create(properties: vigil.v1.PgWaitEventCount.$Shape): vigil.v1.PgWaitEventCount & vigil.v1.PgWaitEventCount.$Shape;
            static create(properties?: vigil.v1.PgWaitEventCount.$Properties): vigil.v1.PgWaitEventCount;

            /**
             * Encodes the specified PgWaitEventCount message. Does not implicitly {@link vigil.v1.PgWaitEventCount.verify|verify} messages.
             * @param m PgWaitEventCount message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgWaitEventCount.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgWaitEventCount message, length delimited. Does not implicitly {@link vigil.v1.PgWaitEventCount.verify|verify} messages.
             * @param message PgWaitEventCount message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgWaitEventCount.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgWaitEventCount message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgWaitEventCount & vigil.v1.PgWaitEventCount.$Shape} PgWaitEventCount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgWaitEventCount & vigil.v1.PgWaitEventCount.$Shape;

            /**
             * Decodes a PgWaitEventCount message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgWaitEventCount & vigil.v1.PgWaitEventCount.$Shape} PgWaitEventCount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgWaitEventCount & vigil.v1.PgWaitEventCount.$Shape;

            /**
             * Verifies a PgWaitEventCount message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgWaitEventCount message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgWaitEventCount
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgWaitEventCount;

            /**
             * Creates a plain object from a PgWaitEventCount message. Also converts values to other types if specified.
             * @param m PgWaitEventCount
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgWaitEventCount, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgWaitEventCount to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgWaitEventCount
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgWaitEventCount {

            /** Properties of a PgWaitEventCount. */
            interface $Properties {

                /** PgWaitEventCount waitEventType */
                waitEventType?: (string|null);

                /** PgWaitEventCount waitEvent */
                waitEvent?: (string|null);

                /** PgWaitEventCount count */
                count?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgWaitEventCount. */
            type $Shape = vigil.v1.PgWaitEventCount.$Properties;
        }

        /**
         * Properties of a PgDatabaseObjects.
         * @deprecated Use vigil.v1.PgDatabaseObjects.$Properties instead.
         */
        interface IPgDatabaseObjects extends vigil.v1.PgDatabaseObjects.$Properties {
        }

        /** Represents a PgDatabaseObjects. */
        class PgDatabaseObjects {

            /**
             * Constructs a new PgDatabaseObjects.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgDatabaseObjects.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgDatabaseObjects datname. */
            datname: string;

            /** PgDatabaseObjects tsMs. */
            tsMs: number;

            /** PgDatabaseObjects windowStartMs. */
            windowStartMs: number;

            /** PgDatabaseObjects tables. */
            tables: vigil.v1.PgTableStat.$Properties[];

            /** PgDatabaseObjects tablesOmitted. */
            tablesOmitted: number;

            /** PgDatabaseObjects indexes. */
            indexes: vigil.v1.PgIndexStat.$Properties[];

            /** PgDatabaseObjects sequences. */
            sequences: vigil.v1.PgSequenceUsage.$Properties[];

            /** PgDatabaseObjects statsResetMs. */
            statsResetMs: number;

            /**
             * Creates a new PgDatabaseObjects instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgDatabaseObjects instance
             */
            static create(properties: vigil.v1.PgDatabaseObjects.$Shape): vigil.v1.PgDatabaseObjects & vigil.v1.PgDatabaseObjects.$Shape;
            static create(properties?: vigil.v1.PgDatabaseObjects.$Properties): vigil.v1.PgDatabaseObjects;

            /**
             * Encodes the specified PgDatabaseObjects message. Does not implicitly {@link vigil.v1.PgDatabaseObjects.verify|verify} messages.
             * @param m PgDatabaseObjects message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgDatabaseObjects.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgDatabaseObjects message, length delimited. Does not implicitly {@link vigil.v1.PgDatabaseObjects.verify|verify} messages.
             * @param message PgDatabaseObjects message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgDatabaseObjects.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgDatabaseObjects message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgDatabaseObjects & vigil.v1.PgDatabaseObjects.$Shape} PgDatabaseObjects
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgDatabaseObjects & vigil.v1.PgDatabaseObjects.$Shape;

            /**
             * Decodes a PgDatabaseObjects message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgDatabaseObjects & vigil.v1.PgDatabaseObjects.$Shape} PgDatabaseObjects
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgDatabaseObjects & vigil.v1.PgDatabaseObjects.$Shape;

            /**
             * Verifies a PgDatabaseObjects message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgDatabaseObjects message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgDatabaseObjects
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgDatabaseObjects;

            /**
             * Creates a plain object from a PgDatabaseObjects message. Also converts values to other types if specified.
             * @param m PgDatabaseObjects
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgDatabaseObjects, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgDatabaseObjects to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgDatabaseObjects
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgDatabaseObjects {

            /** Properties of a PgDatabaseObjects. */
            interface $Properties {

                /** PgDatabaseObjects datname */
                datname?: (string|null);

                /** PgDatabaseObjects tsMs */
                tsMs?: (number|null);

                /** PgDatabaseObjects windowStartMs */
                windowStartMs?: (number|null);

                /** PgDatabaseObjects tables */
                tables?: (vigil.v1.PgTableStat.$Properties[]|null);

                /** PgDatabaseObjects tablesOmitted */
                tablesOmitted?: (number|null);

                /** PgDatabaseObjects indexes */
                indexes?: (vigil.v1.PgIndexStat.$Properties[]|null);

                /** PgDatabaseObjects sequences */
                sequences?: (vigil.v1.PgSequenceUsage.$Properties[]|null);

                /** PgDatabaseObjects statsResetMs */
                statsResetMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgDatabaseObjects. */
            type $Shape = vigil.v1.PgDatabaseObjects.$Properties;
        }

        /**
         * Properties of a PgTableStat.
         * @deprecated Use vigil.v1.PgTableStat.$Properties instead.
         */
        interface IPgTableStat extends vigil.v1.PgTableStat.$Properties {
        }

        /** Represents a PgTableStat. */
        class PgTableStat {

            /**
             * Constructs a new PgTableStat.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgTableStat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgTableStat relid. */
            relid: number;

            /** PgTableStat schema. */
            schema: string;

            /** PgTableStat name. */
            name: string;

            /** PgTableStat hasSizes. */
            hasSizes: boolean;

            /** PgTableStat totalBytes. */
            totalBytes: number;

            /** PgTableStat tableBytes. */
            tableBytes: number;

            /** PgTableStat indexesBytes. */
            indexesBytes: number;

            /** PgTableStat toastBytes. */
            toastBytes: number;

            /** PgTableStat nLiveTup. */
            nLiveTup: number;

            /** PgTableStat nDeadTup. */
            nDeadTup: number;

            /** PgTableStat nModSinceAnalyze. */
            nModSinceAnalyze: number;

            /** PgTableStat nInsSinceVacuum. */
            nInsSinceVacuum: number;

            /** PgTableStat lastVacuumMs. */
            lastVacuumMs: number;

            /** PgTableStat lastAutovacuumMs. */
            lastAutovacuumMs: number;

            /** PgTableStat lastAnalyzeMs. */
            lastAnalyzeMs: number;

            /** PgTableStat lastAutoanalyzeMs. */
            lastAutoanalyzeMs: number;

            /** PgTableStat xidAge. */
            xidAge: number;

            /** PgTableStat mxidAge. */
            mxidAge: number;

            /** PgTableStat hasDeltas. */
            hasDeltas: boolean;

            /** PgTableStat seqScan. */
            seqScan: number;

            /** PgTableStat seqTupRead. */
            seqTupRead: number;

            /** PgTableStat idxScan. */
            idxScan: number;

            /** PgTableStat idxTupFetch. */
            idxTupFetch: number;

            /** PgTableStat nTupIns. */
            nTupIns: number;

            /** PgTableStat nTupUpd. */
            nTupUpd: number;

            /** PgTableStat nTupDel. */
            nTupDel: number;

            /** PgTableStat nTupHotUpd. */
            nTupHotUpd: number;

            /** PgTableStat nTupNewpageUpd. */
            nTupNewpageUpd: number;

            /** PgTableStat heapBlksRead. */
            heapBlksRead: number;

            /** PgTableStat heapBlksHit. */
            heapBlksHit: number;

            /** PgTableStat idxBlksRead. */
            idxBlksRead: number;

            /** PgTableStat idxBlksHit. */
            idxBlksHit: number;

            /** PgTableStat toastBlksRead. */
            toastBlksRead: number;

            /** PgTableStat toastBlksHit. */
            toastBlksHit: number;

            /** PgTableStat tidxBlksRead. */
            tidxBlksRead: number;

            /** PgTableStat tidxBlksHit. */
            tidxBlksHit: number;

            /** PgTableStat vacuumCount. */
            vacuumCount: number;

            /** PgTableStat autovacuumCount. */
            autovacuumCount: number;

            /** PgTableStat analyzeCount. */
            analyzeCount: number;

            /** PgTableStat autoanalyzeCount. */
            autoanalyzeCount: number;

            /**
             * Creates a new PgTableStat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgTableStat instance
             */
            static create(properties: vigil.v1.PgTableStat.$Shape): vigil.v1.PgTableStat & vigil.v1.PgTableStat.$Shape;
            static create(properties?: vigil.v1.PgTableStat.$Properties): vigil.v1.PgTableStat;

            /**
             * Encodes the specified PgTableStat message. Does not implicitly {@link vigil.v1.PgTableStat.verify|verify} messages.
             * @param m PgTableStat message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgTableStat.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgTableStat message, length delimited. Does not implicitly {@link vigil.v1.PgTableStat.verify|verify} messages.
             * @param message PgTableStat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgTableStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgTableStat message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgTableStat & vigil.v1.PgTableStat.$Shape} PgTableStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgTableStat & vigil.v1.PgTableStat.$Shape;

            /**
             * Decodes a PgTableStat message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgTableStat & vigil.v1.PgTableStat.$Shape} PgTableStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgTableStat & vigil.v1.PgTableStat.$Shape;

            /**
             * Verifies a PgTableStat message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgTableStat message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgTableStat
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgTableStat;

            /**
             * Creates a plain object from a PgTableStat message. Also converts values to other types if specified.
             * @param m PgTableStat
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgTableStat, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgTableStat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgTableStat
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgTableStat {

            /** Properties of a PgTableStat. */
            interface $Properties {

                /** PgTableStat relid */
                relid?: (number|null);

                /** PgTableStat schema */
                schema?: (string|null);

                /** PgTableStat name */
                name?: (string|null);

                /** PgTableStat hasSizes */
                hasSizes?: (boolean|null);

                /** PgTableStat totalBytes */
                totalBytes?: (number|null);

                /** PgTableStat tableBytes */
                tableBytes?: (number|null);

                /** PgTableStat indexesBytes */
                indexesBytes?: (number|null);

                /** PgTableStat toastBytes */
                toastBytes?: (number|null);

                /** PgTableStat nLiveTup */
                nLiveTup?: (number|null);

                /** PgTableStat nDeadTup */
                nDeadTup?: (number|null);

                /** PgTableStat nModSinceAnalyze */
                nModSinceAnalyze?: (number|null);

                /** PgTableStat nInsSinceVacuum */
                nInsSinceVacuum?: (number|null);

                /** PgTableStat lastVacuumMs */
                lastVacuumMs?: (number|null);

                /** PgTableStat lastAutovacuumMs */
                lastAutovacuumMs?: (number|null);

                /** PgTableStat lastAnalyzeMs */
                lastAnalyzeMs?: (number|null);

                /** PgTableStat lastAutoanalyzeMs */
                lastAutoanalyzeMs?: (number|null);

                /** PgTableStat xidAge */
                xidAge?: (number|null);

                /** PgTableStat mxidAge */
                mxidAge?: (number|null);

                /** PgTableStat hasDeltas */
                hasDeltas?: (boolean|null);

                /** PgTableStat seqScan */
                seqScan?: (number|null);

                /** PgTableStat seqTupRead */
                seqTupRead?: (number|null);

                /** PgTableStat idxScan */
                idxScan?: (number|null);

                /** PgTableStat idxTupFetch */
                idxTupFetch?: (number|null);

                /** PgTableStat nTupIns */
                nTupIns?: (number|null);

                /** PgTableStat nTupUpd */
                nTupUpd?: (number|null);

                /** PgTableStat nTupDel */
                nTupDel?: (number|null);

                /** PgTableStat nTupHotUpd */
                nTupHotUpd?: (number|null);

                /** PgTableStat nTupNewpageUpd */
                nTupNewpageUpd?: (number|null);

                /** PgTableStat heapBlksRead */
                heapBlksRead?: (number|null);

                /** PgTableStat heapBlksHit */
                heapBlksHit?: (number|null);

                /** PgTableStat idxBlksRead */
                idxBlksRead?: (number|null);

                /** PgTableStat idxBlksHit */
                idxBlksHit?: (number|null);

                /** PgTableStat toastBlksRead */
                toastBlksRead?: (number|null);

                /** PgTableStat toastBlksHit */
                toastBlksHit?: (number|null);

                /** PgTableStat tidxBlksRead */
                tidxBlksRead?: (number|null);

                /** PgTableStat tidxBlksHit */
                tidxBlksHit?: (number|null);

                /** PgTableStat vacuumCount */
                vacuumCount?: (number|null);

                /** PgTableStat autovacuumCount */
                autovacuumCount?: (number|null);

                /** PgTableStat analyzeCount */
                analyzeCount?: (number|null);

                /** PgTableStat autoanalyzeCount */
                autoanalyzeCount?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgTableStat. */
            type $Shape = vigil.v1.PgTableStat.$Properties;
        }

        /**
         * Properties of a PgIndexStat.
         * @deprecated Use vigil.v1.PgIndexStat.$Properties instead.
         */
        interface IPgIndexStat extends vigil.v1.PgIndexStat.$Properties {
        }

        /** Represents a PgIndexStat. */
        class PgIndexStat {

            /**
             * Constructs a new PgIndexStat.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgIndexStat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgIndexStat indexrelid. */
            indexrelid: number;

            /** PgIndexStat relid. */
            relid: number;

            /** PgIndexStat schema. */
            schema: string;

            /** PgIndexStat table. */
            table: string;

            /** PgIndexStat name. */
            name: string;

            /** PgIndexStat hasSize. */
            hasSize: boolean;

            /** PgIndexStat sizeBytes. */
            sizeBytes: number;

            /** PgIndexStat valid. */
            valid: boolean;

            /** PgIndexStat unique. */
            unique: boolean;

            /** PgIndexStat primary. */
            primary: boolean;

            /** PgIndexStat definition. */
            definition: string;

            /** PgIndexStat lastIdxScanMs. */
            lastIdxScanMs: number;

            /** PgIndexStat hasDeltas. */
            hasDeltas: boolean;

            /** PgIndexStat idxScan. */
            idxScan: number;

            /** PgIndexStat idxTupRead. */
            idxTupRead: number;

            /** PgIndexStat idxTupFetch. */
            idxTupFetch: number;

            /** PgIndexStat idxBlksRead. */
            idxBlksRead: number;

            /** PgIndexStat idxBlksHit. */
            idxBlksHit: number;

            /** PgIndexStat idxScanTotal. */
            idxScanTotal: number;

            /** PgIndexStat backsConstraint. */
            backsConstraint: boolean;

            /**
             * Creates a new PgIndexStat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgIndexStat instance
             */
            static create(properties: vigil.v1.PgIndexStat.$Shape): vigil.v1.PgIndexStat & vigil.v1.PgIndexStat.$Shape;
            static create(properties?: vigil.v1.PgIndexStat.$Properties): vigil.v1.PgIndexStat;

            /**
             * Encodes the specified PgIndexStat message. Does not implicitly {@link vigil.v1.PgIndexStat.verify|verify} messages.
             * @param m PgIndexStat message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgIndexStat.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgIndexStat message, length delimited. Does not implicitly {@link vigil.v1.PgIndexStat.verify|verify} messages.
             * @param message PgIndexStat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgIndexStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgIndexStat message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgIndexStat & vigil.v1.PgIndexStat.$Shape} PgIndexStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgIndexStat & vigil.v1.PgIndexStat.$Shape;

            /**
             * Decodes a PgIndexStat message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgIndexStat & vigil.v1.PgIndexStat.$Shape} PgIndexStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgIndexStat & vigil.v1.PgIndexStat.$Shape;

            /**
             * Verifies a PgIndexStat message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgIndexStat message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgIndexStat
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgIndexStat;

            /**
             * Creates a plain object from a PgIndexStat message. Also converts values to other types if specified.
             * @param m PgIndexStat
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgIndexStat, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgIndexStat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgIndexStat
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgIndexStat {

            /** Properties of a PgIndexStat. */
            interface $Properties {

                /** PgIndexStat indexrelid */
                indexrelid?: (number|null);

                /** PgIndexStat relid */
                relid?: (number|null);

                /** PgIndexStat schema */
                schema?: (string|null);

                /** PgIndexStat table */
                table?: (string|null);

                /** PgIndexStat name */
                name?: (string|null);

                /** PgIndexStat hasSize */
                hasSize?: (boolean|null);

                /** PgIndexStat sizeBytes */
                sizeBytes?: (number|null);

                /** PgIndexStat valid */
                valid?: (boolean|null);

                /** PgIndexStat unique */
                unique?: (boolean|null);

                /** PgIndexStat primary */
                primary?: (boolean|null);

                /** PgIndexStat definition */
                definition?: (string|null);

                /** PgIndexStat lastIdxScanMs */
                lastIdxScanMs?: (number|null);

                /** PgIndexStat hasDeltas */
                hasDeltas?: (boolean|null);

                /** PgIndexStat idxScan */
                idxScan?: (number|null);

                /** PgIndexStat idxTupRead */
                idxTupRead?: (number|null);

                /** PgIndexStat idxTupFetch */
                idxTupFetch?: (number|null);

                /** PgIndexStat idxBlksRead */
                idxBlksRead?: (number|null);

                /** PgIndexStat idxBlksHit */
                idxBlksHit?: (number|null);

                /** PgIndexStat idxScanTotal */
                idxScanTotal?: (number|null);

                /** PgIndexStat backsConstraint */
                backsConstraint?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgIndexStat. */
            type $Shape = vigil.v1.PgIndexStat.$Properties;
        }

        /**
         * Properties of a PgSequenceUsage.
         * @deprecated Use vigil.v1.PgSequenceUsage.$Properties instead.
         */
        interface IPgSequenceUsage extends vigil.v1.PgSequenceUsage.$Properties {
        }

        /** Represents a PgSequenceUsage. */
        class PgSequenceUsage {

            /**
             * Constructs a new PgSequenceUsage.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgSequenceUsage.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgSequenceUsage schema. */
            schema: string;

            /** PgSequenceUsage name. */
            name: string;

            /** PgSequenceUsage dataType. */
            dataType: string;

            /** PgSequenceUsage lastValue. */
            lastValue: number;

            /** PgSequenceUsage minValue. */
            minValue: number;

            /** PgSequenceUsage maxValue. */
            maxValue: number;

            /** PgSequenceUsage incrementBy. */
            incrementBy: number;

            /** PgSequenceUsage cycle. */
            cycle: boolean;

            /** PgSequenceUsage ownedBy. */
            ownedBy: string;

            /** PgSequenceUsage columnType. */
            columnType: string;

            /** PgSequenceUsage usedFraction. */
            usedFraction: number;

            /** PgSequenceUsage lastValueText. */
            lastValueText: string;

            /** PgSequenceUsage minValueText. */
            minValueText: string;

            /** PgSequenceUsage maxValueText. */
            maxValueText: string;

            /** PgSequenceUsage incrementByText. */
            incrementByText: string;

            /**
             * Creates a new PgSequenceUsage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgSequenceUsage instance
             */
            static create(properties: vigil.v1.PgSequenceUsage.$Shape): vigil.v1.PgSequenceUsage & vigil.v1.PgSequenceUsage.$Shape;
            static create(properties?: vigil.v1.PgSequenceUsage.$Properties): vigil.v1.PgSequenceUsage;

            /**
             * Encodes the specified PgSequenceUsage message. Does not implicitly {@link vigil.v1.PgSequenceUsage.verify|verify} messages.
             * @param m PgSequenceUsage message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgSequenceUsage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgSequenceUsage message, length delimited. Does not implicitly {@link vigil.v1.PgSequenceUsage.verify|verify} messages.
             * @param message PgSequenceUsage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgSequenceUsage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgSequenceUsage message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgSequenceUsage & vigil.v1.PgSequenceUsage.$Shape} PgSequenceUsage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgSequenceUsage & vigil.v1.PgSequenceUsage.$Shape;

            /**
             * Decodes a PgSequenceUsage message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgSequenceUsage & vigil.v1.PgSequenceUsage.$Shape} PgSequenceUsage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgSequenceUsage & vigil.v1.PgSequenceUsage.$Shape;

            /**
             * Verifies a PgSequenceUsage message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgSequenceUsage message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgSequenceUsage
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgSequenceUsage;

            /**
             * Creates a plain object from a PgSequenceUsage message. Also converts values to other types if specified.
             * @param m PgSequenceUsage
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgSequenceUsage, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgSequenceUsage to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgSequenceUsage
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgSequenceUsage {

            /** Properties of a PgSequenceUsage. */
            interface $Properties {

                /** PgSequenceUsage schema */
                schema?: (string|null);

                /** PgSequenceUsage name */
                name?: (string|null);

                /** PgSequenceUsage dataType */
                dataType?: (string|null);

                /** PgSequenceUsage lastValue */
                lastValue?: (number|null);

                /** PgSequenceUsage minValue */
                minValue?: (number|null);

                /** PgSequenceUsage maxValue */
                maxValue?: (number|null);

                /** PgSequenceUsage incrementBy */
                incrementBy?: (number|null);

                /** PgSequenceUsage cycle */
                cycle?: (boolean|null);

                /** PgSequenceUsage ownedBy */
                ownedBy?: (string|null);

                /** PgSequenceUsage columnType */
                columnType?: (string|null);

                /** PgSequenceUsage usedFraction */
                usedFraction?: (number|null);

                /** PgSequenceUsage lastValueText */
                lastValueText?: (string|null);

                /** PgSequenceUsage minValueText */
                minValueText?: (string|null);

                /** PgSequenceUsage maxValueText */
                maxValueText?: (string|null);

                /** PgSequenceUsage incrementByText */
                incrementByText?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgSequenceUsage. */
            type $Shape = vigil.v1.PgSequenceUsage.$Properties;
        }

        /**
         * Properties of a PgReplicationSnapshot.
         * @deprecated Use vigil.v1.PgReplicationSnapshot.$Properties instead.
         */
        interface IPgReplicationSnapshot extends vigil.v1.PgReplicationSnapshot.$Properties {
        }

        /** Represents a PgReplicationSnapshot. */
        class PgReplicationSnapshot {

            /**
             * Constructs a new PgReplicationSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgReplicationSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgReplicationSnapshot tsMs. */
            tsMs: number;

            /** PgReplicationSnapshot inRecovery. */
            inRecovery: boolean;

            /** PgReplicationSnapshot upstreamHost. */
            upstreamHost: string;

            /** PgReplicationSnapshot upstreamPort. */
            upstreamPort: number;

            /** PgReplicationSnapshot receiverStatus. */
            receiverStatus: string;

            /** PgReplicationSnapshot receiveLagBytes. */
            receiveLagBytes: number;

            /** PgReplicationSnapshot replayLagBytes. */
            replayLagBytes: number;

            /** PgReplicationSnapshot replayLagMs. */
            replayLagMs: number;

            /** PgReplicationSnapshot upstreamLastMsgAgeMs. */
            upstreamLastMsgAgeMs: number;

            /** PgReplicationSnapshot standbys. */
            standbys: vigil.v1.PgStandby.$Properties[];

            /** PgReplicationSnapshot slots. */
            slots: vigil.v1.PgReplicationSlot.$Properties[];

            /**
             * Creates a new PgReplicationSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgReplicationSnapshot instance
             */
            static create(properties: vigil.v1.PgReplicationSnapshot.$Shape): vigil.v1.PgReplicationSnapshot & vigil.v1.PgReplicationSnapshot.$Shape;
            static create(properties?: vigil.v1.PgReplicationSnapshot.$Properties): vigil.v1.PgReplicationSnapshot;

            /**
             * Encodes the specified PgReplicationSnapshot message. Does not implicitly {@link vigil.v1.PgReplicationSnapshot.verify|verify} messages.
             * @param m PgReplicationSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgReplicationSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgReplicationSnapshot message, length delimited. Does not implicitly {@link vigil.v1.PgReplicationSnapshot.verify|verify} messages.
             * @param message PgReplicationSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgReplicationSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgReplicationSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgReplicationSnapshot & vigil.v1.PgReplicationSnapshot.$Shape} PgReplicationSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgReplicationSnapshot & vigil.v1.PgReplicationSnapshot.$Shape;

            /**
             * Decodes a PgReplicationSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgReplicationSnapshot & vigil.v1.PgReplicationSnapshot.$Shape} PgReplicationSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgReplicationSnapshot & vigil.v1.PgReplicationSnapshot.$Shape;

            /**
             * Verifies a PgReplicationSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgReplicationSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgReplicationSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgReplicationSnapshot;

            /**
             * Creates a plain object from a PgReplicationSnapshot message. Also converts values to other types if specified.
             * @param m PgReplicationSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgReplicationSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgReplicationSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgReplicationSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgReplicationSnapshot {

            /** Properties of a PgReplicationSnapshot. */
            interface $Properties {

                /** PgReplicationSnapshot tsMs */
                tsMs?: (number|null);

                /** PgReplicationSnapshot inRecovery */
                inRecovery?: (boolean|null);

                /** PgReplicationSnapshot upstreamHost */
                upstreamHost?: (string|null);

                /** PgReplicationSnapshot upstreamPort */
                upstreamPort?: (number|null);

                /** PgReplicationSnapshot receiverStatus */
                receiverStatus?: (string|null);

                /** PgReplicationSnapshot receiveLagBytes */
                receiveLagBytes?: (number|null);

                /** PgReplicationSnapshot replayLagBytes */
                replayLagBytes?: (number|null);

                /** PgReplicationSnapshot replayLagMs */
                replayLagMs?: (number|null);

                /** PgReplicationSnapshot upstreamLastMsgAgeMs */
                upstreamLastMsgAgeMs?: (number|null);

                /** PgReplicationSnapshot standbys */
                standbys?: (vigil.v1.PgStandby.$Properties[]|null);

                /** PgReplicationSnapshot slots */
                slots?: (vigil.v1.PgReplicationSlot.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgReplicationSnapshot. */
            type $Shape = vigil.v1.PgReplicationSnapshot.$Properties;
        }

        /**
         * Properties of a PgStandby.
         * @deprecated Use vigil.v1.PgStandby.$Properties instead.
         */
        interface IPgStandby extends vigil.v1.PgStandby.$Properties {
        }

        /** Represents a PgStandby. */
        class PgStandby {

            /**
             * Constructs a new PgStandby.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgStandby.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgStandby pid. */
            pid: number;

            /** PgStandby applicationName. */
            applicationName: string;

            /** PgStandby clientAddr. */
            clientAddr: string;

            /** PgStandby state. */
            state: string;

            /** PgStandby syncState. */
            syncState: string;

            /** PgStandby sentLagBytes. */
            sentLagBytes: number;

            /** PgStandby writeLagBytes. */
            writeLagBytes: number;

            /** PgStandby flushLagBytes. */
            flushLagBytes: number;

            /** PgStandby replayLagBytes. */
            replayLagBytes: number;

            /** PgStandby writeLagMs. */
            writeLagMs: number;

            /** PgStandby flushLagMs. */
            flushLagMs: number;

            /** PgStandby replayLagMs. */
            replayLagMs: number;

            /**
             * Creates a new PgStandby instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgStandby instance
             */
            static create(properties: vigil.v1.PgStandby.$Shape): vigil.v1.PgStandby & vigil.v1.PgStandby.$Shape;
            static create(properties?: vigil.v1.PgStandby.$Properties): vigil.v1.PgStandby;

            /**
             * Encodes the specified PgStandby message. Does not implicitly {@link vigil.v1.PgStandby.verify|verify} messages.
             * @param m PgStandby message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgStandby.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgStandby message, length delimited. Does not implicitly {@link vigil.v1.PgStandby.verify|verify} messages.
             * @param message PgStandby message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgStandby.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgStandby message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgStandby & vigil.v1.PgStandby.$Shape} PgStandby
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgStandby & vigil.v1.PgStandby.$Shape;

            /**
             * Decodes a PgStandby message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgStandby & vigil.v1.PgStandby.$Shape} PgStandby
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgStandby & vigil.v1.PgStandby.$Shape;

            /**
             * Verifies a PgStandby message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgStandby message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgStandby
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgStandby;

            /**
             * Creates a plain object from a PgStandby message. Also converts values to other types if specified.
             * @param m PgStandby
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgStandby, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgStandby to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgStandby
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgStandby {

            /** Properties of a PgStandby. */
            interface $Properties {

                /** PgStandby pid */
                pid?: (number|null);

                /** PgStandby applicationName */
                applicationName?: (string|null);

                /** PgStandby clientAddr */
                clientAddr?: (string|null);

                /** PgStandby state */
                state?: (string|null);

                /** PgStandby syncState */
                syncState?: (string|null);

                /** PgStandby sentLagBytes */
                sentLagBytes?: (number|null);

                /** PgStandby writeLagBytes */
                writeLagBytes?: (number|null);

                /** PgStandby flushLagBytes */
                flushLagBytes?: (number|null);

                /** PgStandby replayLagBytes */
                replayLagBytes?: (number|null);

                /** PgStandby writeLagMs */
                writeLagMs?: (number|null);

                /** PgStandby flushLagMs */
                flushLagMs?: (number|null);

                /** PgStandby replayLagMs */
                replayLagMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgStandby. */
            type $Shape = vigil.v1.PgStandby.$Properties;
        }

        /**
         * Properties of a PgReplicationSlot.
         * @deprecated Use vigil.v1.PgReplicationSlot.$Properties instead.
         */
        interface IPgReplicationSlot extends vigil.v1.PgReplicationSlot.$Properties {
        }

        /** Represents a PgReplicationSlot. */
        class PgReplicationSlot {

            /**
             * Constructs a new PgReplicationSlot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgReplicationSlot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgReplicationSlot slotName. */
            slotName: string;

            /** PgReplicationSlot slotType. */
            slotType: string;

            /** PgReplicationSlot plugin. */
            plugin: string;

            /** PgReplicationSlot datname. */
            datname: string;

            /** PgReplicationSlot active. */
            active: boolean;

            /** PgReplicationSlot activePid. */
            activePid: number;

            /** PgReplicationSlot temporary. */
            temporary: boolean;

            /** PgReplicationSlot retainedBytes. */
            retainedBytes: number;

            /** PgReplicationSlot walStatus. */
            walStatus: string;

            /** PgReplicationSlot hasSafeWalSize. */
            hasSafeWalSize: boolean;

            /** PgReplicationSlot safeWalSizeBytes. */
            safeWalSizeBytes: number;

            /** PgReplicationSlot confirmedFlushLagBytes. */
            confirmedFlushLagBytes: number;

            /** PgReplicationSlot xminAge. */
            xminAge: number;

            /** PgReplicationSlot catalogXminAge. */
            catalogXminAge: number;

            /**
             * Creates a new PgReplicationSlot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgReplicationSlot instance
             */
            static create(properties: vigil.v1.PgReplicationSlot.$Shape): vigil.v1.PgReplicationSlot & vigil.v1.PgReplicationSlot.$Shape;
            static create(properties?: vigil.v1.PgReplicationSlot.$Properties): vigil.v1.PgReplicationSlot;

            /**
             * Encodes the specified PgReplicationSlot message. Does not implicitly {@link vigil.v1.PgReplicationSlot.verify|verify} messages.
             * @param m PgReplicationSlot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgReplicationSlot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgReplicationSlot message, length delimited. Does not implicitly {@link vigil.v1.PgReplicationSlot.verify|verify} messages.
             * @param message PgReplicationSlot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgReplicationSlot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgReplicationSlot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgReplicationSlot & vigil.v1.PgReplicationSlot.$Shape} PgReplicationSlot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgReplicationSlot & vigil.v1.PgReplicationSlot.$Shape;

            /**
             * Decodes a PgReplicationSlot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgReplicationSlot & vigil.v1.PgReplicationSlot.$Shape} PgReplicationSlot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgReplicationSlot & vigil.v1.PgReplicationSlot.$Shape;

            /**
             * Verifies a PgReplicationSlot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgReplicationSlot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgReplicationSlot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgReplicationSlot;

            /**
             * Creates a plain object from a PgReplicationSlot message. Also converts values to other types if specified.
             * @param m PgReplicationSlot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgReplicationSlot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgReplicationSlot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgReplicationSlot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgReplicationSlot {

            /** Properties of a PgReplicationSlot. */
            interface $Properties {

                /** PgReplicationSlot slotName */
                slotName?: (string|null);

                /** PgReplicationSlot slotType */
                slotType?: (string|null);

                /** PgReplicationSlot plugin */
                plugin?: (string|null);

                /** PgReplicationSlot datname */
                datname?: (string|null);

                /** PgReplicationSlot active */
                active?: (boolean|null);

                /** PgReplicationSlot activePid */
                activePid?: (number|null);

                /** PgReplicationSlot temporary */
                temporary?: (boolean|null);

                /** PgReplicationSlot retainedBytes */
                retainedBytes?: (number|null);

                /** PgReplicationSlot walStatus */
                walStatus?: (string|null);

                /** PgReplicationSlot hasSafeWalSize */
                hasSafeWalSize?: (boolean|null);

                /** PgReplicationSlot safeWalSizeBytes */
                safeWalSizeBytes?: (number|null);

                /** PgReplicationSlot confirmedFlushLagBytes */
                confirmedFlushLagBytes?: (number|null);

                /** PgReplicationSlot xminAge */
                xminAge?: (number|null);

                /** PgReplicationSlot catalogXminAge */
                catalogXminAge?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgReplicationSlot. */
            type $Shape = vigil.v1.PgReplicationSlot.$Properties;
        }

        /**
         * Properties of a PgServerSnapshot.
         * @deprecated Use vigil.v1.PgServerSnapshot.$Properties instead.
         */
        interface IPgServerSnapshot extends vigil.v1.PgServerSnapshot.$Properties {
        }

        /** Represents a PgServerSnapshot. */
        class PgServerSnapshot {

            /**
             * Constructs a new PgServerSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgServerSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgServerSnapshot tsMs. */
            tsMs: number;

            /** PgServerSnapshot windowStartMs. */
            windowStartMs: number;

            /** PgServerSnapshot connections. */
            connections: number;

            /** PgServerSnapshot maxConnections. */
            maxConnections: number;

            /** PgServerSnapshot superuserReservedConnections. */
            superuserReservedConnections: number;

            /** PgServerSnapshot reservedConnections. */
            reservedConnections: number;

            /** PgServerSnapshot databases. */
            databases: vigil.v1.PgDatabaseStat.$Properties[];

            /** PgServerSnapshot checkpointer. */
            checkpointer?: (vigil.v1.PgCheckpointerStat.$Properties|null);

            /** PgServerSnapshot wal. */
            wal?: (vigil.v1.PgWalStat.$Properties|null);

            /** PgServerSnapshot io. */
            io: vigil.v1.PgIoStat.$Properties[];

            /** PgServerSnapshot settings. */
            settings: vigil.v1.PgSetting.$Properties[];

            /** PgServerSnapshot postmasterStartMs. */
            postmasterStartMs: number;

            /**
             * Creates a new PgServerSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgServerSnapshot instance
             */
            static create(properties: vigil.v1.PgServerSnapshot.$Shape): vigil.v1.PgServerSnapshot & vigil.v1.PgServerSnapshot.$Shape;
            static create(properties?: vigil.v1.PgServerSnapshot.$Properties): vigil.v1.PgServerSnapshot;

            /**
             * Encodes the specified PgServerSnapshot message. Does not implicitly {@link vigil.v1.PgServerSnapshot.verify|verify} messages.
             * @param m PgServerSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgServerSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgServerSnapshot message, length delimited. Does not implicitly {@link vigil.v1.PgServerSnapshot.verify|verify} messages.
             * @param message PgServerSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgServerSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgServerSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgServerSnapshot & vigil.v1.PgServerSnapshot.$Shape} PgServerSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgServerSnapshot & vigil.v1.PgServerSnapshot.$Shape;

            /**
             * Decodes a PgServerSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgServerSnapshot & vigil.v1.PgServerSnapshot.$Shape} PgServerSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgServerSnapshot & vigil.v1.PgServerSnapshot.$Shape;

            /**
             * Verifies a PgServerSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgServerSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgServerSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgServerSnapshot;

            /**
             * Creates a plain object from a PgServerSnapshot message. Also converts values to other types if specified.
             * @param m PgServerSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgServerSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgServerSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgServerSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgServerSnapshot {

            /** Properties of a PgServerSnapshot. */
            interface $Properties {

                /** PgServerSnapshot tsMs */
                tsMs?: (number|null);

                /** PgServerSnapshot windowStartMs */
                windowStartMs?: (number|null);

                /** PgServerSnapshot connections */
                connections?: (number|null);

                /** PgServerSnapshot maxConnections */
                maxConnections?: (number|null);

                /** PgServerSnapshot superuserReservedConnections */
                superuserReservedConnections?: (number|null);

                /** PgServerSnapshot reservedConnections */
                reservedConnections?: (number|null);

                /** PgServerSnapshot databases */
                databases?: (vigil.v1.PgDatabaseStat.$Properties[]|null);

                /** PgServerSnapshot checkpointer */
                checkpointer?: (vigil.v1.PgCheckpointerStat.$Properties|null);

                /** PgServerSnapshot wal */
                wal?: (vigil.v1.PgWalStat.$Properties|null);

                /** PgServerSnapshot io */
                io?: (vigil.v1.PgIoStat.$Properties[]|null);

                /** PgServerSnapshot settings */
                settings?: (vigil.v1.PgSetting.$Properties[]|null);

                /** PgServerSnapshot postmasterStartMs */
                postmasterStartMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgServerSnapshot. */
            type $Shape = vigil.v1.PgServerSnapshot.$Properties;
        }

        /**
         * Properties of a PgDatabaseStat.
         * @deprecated Use vigil.v1.PgDatabaseStat.$Properties instead.
         */
        interface IPgDatabaseStat extends vigil.v1.PgDatabaseStat.$Properties {
        }

        /** Represents a PgDatabaseStat. */
        class PgDatabaseStat {

            /**
             * Constructs a new PgDatabaseStat.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgDatabaseStat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgDatabaseStat datname. */
            datname: string;

            /** PgDatabaseStat sizeBytes. */
            sizeBytes: number;

            /** PgDatabaseStat numbackends. */
            numbackends: number;

            /** PgDatabaseStat xidAge. */
            xidAge: number;

            /** PgDatabaseStat mxidAge. */
            mxidAge: number;

            /** PgDatabaseStat hasDeltas. */
            hasDeltas: boolean;

            /** PgDatabaseStat xactCommit. */
            xactCommit: number;

            /** PgDatabaseStat xactRollback. */
            xactRollback: number;

            /** PgDatabaseStat blksRead. */
            blksRead: number;

            /** PgDatabaseStat blksHit. */
            blksHit: number;

            /** PgDatabaseStat tupReturned. */
            tupReturned: number;

            /** PgDatabaseStat tupFetched. */
            tupFetched: number;

            /** PgDatabaseStat tupInserted. */
            tupInserted: number;

            /** PgDatabaseStat tupUpdated. */
            tupUpdated: number;

            /** PgDatabaseStat tupDeleted. */
            tupDeleted: number;

            /** PgDatabaseStat conflicts. */
            conflicts: number;

            /** PgDatabaseStat tempFiles. */
            tempFiles: number;

            /** PgDatabaseStat tempBytes. */
            tempBytes: number;

            /** PgDatabaseStat deadlocks. */
            deadlocks: number;

            /** PgDatabaseStat checksumFailures. */
            checksumFailures: number;

            /** PgDatabaseStat blkReadTimeMs. */
            blkReadTimeMs: number;

            /** PgDatabaseStat blkWriteTimeMs. */
            blkWriteTimeMs: number;

            /** PgDatabaseStat sessionTimeMs. */
            sessionTimeMs: number;

            /** PgDatabaseStat activeTimeMs. */
            activeTimeMs: number;

            /** PgDatabaseStat idleInTransactionTimeMs. */
            idleInTransactionTimeMs: number;

            /** PgDatabaseStat sessions. */
            sessions: number;

            /** PgDatabaseStat sessionsAbandoned. */
            sessionsAbandoned: number;

            /** PgDatabaseStat sessionsFatal. */
            sessionsFatal: number;

            /** PgDatabaseStat sessionsKilled. */
            sessionsKilled: number;

            /** PgDatabaseStat conflTablespace. */
            conflTablespace: number;

            /** PgDatabaseStat conflLock. */
            conflLock: number;

            /** PgDatabaseStat conflSnapshot. */
            conflSnapshot: number;

            /** PgDatabaseStat conflBufferpin. */
            conflBufferpin: number;

            /** PgDatabaseStat conflDeadlock. */
            conflDeadlock: number;

            /**
             * Creates a new PgDatabaseStat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgDatabaseStat instance
             */
            static create(properties: vigil.v1.PgDatabaseStat.$Shape): vigil.v1.PgDatabaseStat & vigil.v1.PgDatabaseStat.$Shape;
            static create(properties?: vigil.v1.PgDatabaseStat.$Properties): vigil.v1.PgDatabaseStat;

            /**
             * Encodes the specified PgDatabaseStat message. Does not implicitly {@link vigil.v1.PgDatabaseStat.verify|verify} messages.
             * @param m PgDatabaseStat message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgDatabaseStat.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgDatabaseStat message, length delimited. Does not implicitly {@link vigil.v1.PgDatabaseStat.verify|verify} messages.
             * @param message PgDatabaseStat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgDatabaseStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgDatabaseStat message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgDatabaseStat & vigil.v1.PgDatabaseStat.$Shape} PgDatabaseStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgDatabaseStat & vigil.v1.PgDatabaseStat.$Shape;

            /**
             * Decodes a PgDatabaseStat message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgDatabaseStat & vigil.v1.PgDatabaseStat.$Shape} PgDatabaseStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgDatabaseStat & vigil.v1.PgDatabaseStat.$Shape;

            /**
             * Verifies a PgDatabaseStat message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgDatabaseStat message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgDatabaseStat
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgDatabaseStat;

            /**
             * Creates a plain object from a PgDatabaseStat message. Also converts values to other types if specified.
             * @param m PgDatabaseStat
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgDatabaseStat, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgDatabaseStat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgDatabaseStat
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgDatabaseStat {

            /** Properties of a PgDatabaseStat. */
            interface $Properties {

                /** PgDatabaseStat datname */
                datname?: (string|null);

                /** PgDatabaseStat sizeBytes */
                sizeBytes?: (number|null);

                /** PgDatabaseStat numbackends */
                numbackends?: (number|null);

                /** PgDatabaseStat xidAge */
                xidAge?: (number|null);

                /** PgDatabaseStat mxidAge */
                mxidAge?: (number|null);

                /** PgDatabaseStat hasDeltas */
                hasDeltas?: (boolean|null);

                /** PgDatabaseStat xactCommit */
                xactCommit?: (number|null);

                /** PgDatabaseStat xactRollback */
                xactRollback?: (number|null);

                /** PgDatabaseStat blksRead */
                blksRead?: (number|null);

                /** PgDatabaseStat blksHit */
                blksHit?: (number|null);

                /** PgDatabaseStat tupReturned */
                tupReturned?: (number|null);

                /** PgDatabaseStat tupFetched */
                tupFetched?: (number|null);

                /** PgDatabaseStat tupInserted */
                tupInserted?: (number|null);

                /** PgDatabaseStat tupUpdated */
                tupUpdated?: (number|null);

                /** PgDatabaseStat tupDeleted */
                tupDeleted?: (number|null);

                /** PgDatabaseStat conflicts */
                conflicts?: (number|null);

                /** PgDatabaseStat tempFiles */
                tempFiles?: (number|null);

                /** PgDatabaseStat tempBytes */
                tempBytes?: (number|null);

                /** PgDatabaseStat deadlocks */
                deadlocks?: (number|null);

                /** PgDatabaseStat checksumFailures */
                checksumFailures?: (number|null);

                /** PgDatabaseStat blkReadTimeMs */
                blkReadTimeMs?: (number|null);

                /** PgDatabaseStat blkWriteTimeMs */
                blkWriteTimeMs?: (number|null);

                /** PgDatabaseStat sessionTimeMs */
                sessionTimeMs?: (number|null);

                /** PgDatabaseStat activeTimeMs */
                activeTimeMs?: (number|null);

                /** PgDatabaseStat idleInTransactionTimeMs */
                idleInTransactionTimeMs?: (number|null);

                /** PgDatabaseStat sessions */
                sessions?: (number|null);

                /** PgDatabaseStat sessionsAbandoned */
                sessionsAbandoned?: (number|null);

                /** PgDatabaseStat sessionsFatal */
                sessionsFatal?: (number|null);

                /** PgDatabaseStat sessionsKilled */
                sessionsKilled?: (number|null);

                /** PgDatabaseStat conflTablespace */
                conflTablespace?: (number|null);

                /** PgDatabaseStat conflLock */
                conflLock?: (number|null);

                /** PgDatabaseStat conflSnapshot */
                conflSnapshot?: (number|null);

                /** PgDatabaseStat conflBufferpin */
                conflBufferpin?: (number|null);

                /** PgDatabaseStat conflDeadlock */
                conflDeadlock?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgDatabaseStat. */
            type $Shape = vigil.v1.PgDatabaseStat.$Properties;
        }

        /**
         * Properties of a PgCheckpointerStat.
         * @deprecated Use vigil.v1.PgCheckpointerStat.$Properties instead.
         */
        interface IPgCheckpointerStat extends vigil.v1.PgCheckpointerStat.$Properties {
        }

        /** Represents a PgCheckpointerStat. */
        class PgCheckpointerStat {

            /**
             * Constructs a new PgCheckpointerStat.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgCheckpointerStat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgCheckpointerStat checkpointsTimed. */
            checkpointsTimed: number;

            /** PgCheckpointerStat checkpointsRequested. */
            checkpointsRequested: number;

            /** PgCheckpointerStat checkpointWriteTimeMs. */
            checkpointWriteTimeMs: number;

            /** PgCheckpointerStat checkpointSyncTimeMs. */
            checkpointSyncTimeMs: number;

            /** PgCheckpointerStat buffersCheckpoint. */
            buffersCheckpoint: number;

            /** PgCheckpointerStat buffersClean. */
            buffersClean: number;

            /** PgCheckpointerStat maxwrittenClean. */
            maxwrittenClean: number;

            /** PgCheckpointerStat buffersAlloc. */
            buffersAlloc: number;

            /** PgCheckpointerStat buffersBackend. */
            buffersBackend: number;

            /** PgCheckpointerStat buffersBackendFsync. */
            buffersBackendFsync: number;

            /** PgCheckpointerStat restartpointsTimed. */
            restartpointsTimed: number;

            /** PgCheckpointerStat restartpointsRequested. */
            restartpointsRequested: number;

            /** PgCheckpointerStat restartpointsDone. */
            restartpointsDone: number;

            /**
             * Creates a new PgCheckpointerStat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgCheckpointerStat instance
             */
            static create(properties: vigil.v1.PgCheckpointerStat.$Shape): vigil.v1.PgCheckpointerStat & vigil.v1.PgCheckpointerStat.$Shape;
            static create(properties?: vigil.v1.PgCheckpointerStat.$Properties): vigil.v1.PgCheckpointerStat;

            /**
             * Encodes the specified PgCheckpointerStat message. Does not implicitly {@link vigil.v1.PgCheckpointerStat.verify|verify} messages.
             * @param m PgCheckpointerStat message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgCheckpointerStat.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgCheckpointerStat message, length delimited. Does not implicitly {@link vigil.v1.PgCheckpointerStat.verify|verify} messages.
             * @param message PgCheckpointerStat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgCheckpointerStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgCheckpointerStat message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgCheckpointerStat & vigil.v1.PgCheckpointerStat.$Shape} PgCheckpointerStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgCheckpointerStat & vigil.v1.PgCheckpointerStat.$Shape;

            /**
             * Decodes a PgCheckpointerStat message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgCheckpointerStat & vigil.v1.PgCheckpointerStat.$Shape} PgCheckpointerStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgCheckpointerStat & vigil.v1.PgCheckpointerStat.$Shape;

            /**
             * Verifies a PgCheckpointerStat message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgCheckpointerStat message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgCheckpointerStat
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgCheckpointerStat;

            /**
             * Creates a plain object from a PgCheckpointerStat message. Also converts values to other types if specified.
             * @param m PgCheckpointerStat
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgCheckpointerStat, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgCheckpointerStat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgCheckpointerStat
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgCheckpointerStat {

            /** Properties of a PgCheckpointerStat. */
            interface $Properties {

                /** PgCheckpointerStat checkpointsTimed */
                checkpointsTimed?: (number|null);

                /** PgCheckpointerStat checkpointsRequested */
                checkpointsRequested?: (number|null);

                /** PgCheckpointerStat checkpointWriteTimeMs */
                checkpointWriteTimeMs?: (number|null);

                /** PgCheckpointerStat checkpointSyncTimeMs */
                checkpointSyncTimeMs?: (number|null);

                /** PgCheckpointerStat buffersCheckpoint */
                buffersCheckpoint?: (number|null);

                /** PgCheckpointerStat buffersClean */
                buffersClean?: (number|null);

                /** PgCheckpointerStat maxwrittenClean */
                maxwrittenClean?: (number|null);

                /** PgCheckpointerStat buffersAlloc */
                buffersAlloc?: (number|null);

                /** PgCheckpointerStat buffersBackend */
                buffersBackend?: (number|null);

                /** PgCheckpointerStat buffersBackendFsync */
                buffersBackendFsync?: (number|null);

                /** PgCheckpointerStat restartpointsTimed */
                restartpointsTimed?: (number|null);

                /** PgCheckpointerStat restartpointsRequested */
                restartpointsRequested?: (number|null);

                /** PgCheckpointerStat restartpointsDone */
                restartpointsDone?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgCheckpointerStat. */
            type $Shape = vigil.v1.PgCheckpointerStat.$Properties;
        }

        /**
         * Properties of a PgWalStat.
         * @deprecated Use vigil.v1.PgWalStat.$Properties instead.
         */
        interface IPgWalStat extends vigil.v1.PgWalStat.$Properties {
        }

        /** Represents a PgWalStat. */
        class PgWalStat {

            /**
             * Constructs a new PgWalStat.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgWalStat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgWalStat walRecords. */
            walRecords: number;

            /** PgWalStat walFpi. */
            walFpi: number;

            /** PgWalStat walBytes. */
            walBytes: number;

            /** PgWalStat walBuffersFull. */
            walBuffersFull: number;

            /** PgWalStat walWrite. */
            walWrite: number;

            /** PgWalStat walSync. */
            walSync: number;

            /** PgWalStat walWriteTimeMs. */
            walWriteTimeMs: number;

            /** PgWalStat walSyncTimeMs. */
            walSyncTimeMs: number;

            /**
             * Creates a new PgWalStat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgWalStat instance
             */
            static create(properties: vigil.v1.PgWalStat.$Shape): vigil.v1.PgWalStat & vigil.v1.PgWalStat.$Shape;
            static create(properties?: vigil.v1.PgWalStat.$Properties): vigil.v1.PgWalStat;

            /**
             * Encodes the specified PgWalStat message. Does not implicitly {@link vigil.v1.PgWalStat.verify|verify} messages.
             * @param m PgWalStat message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgWalStat.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgWalStat message, length delimited. Does not implicitly {@link vigil.v1.PgWalStat.verify|verify} messages.
             * @param message PgWalStat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgWalStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgWalStat message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgWalStat & vigil.v1.PgWalStat.$Shape} PgWalStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgWalStat & vigil.v1.PgWalStat.$Shape;

            /**
             * Decodes a PgWalStat message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgWalStat & vigil.v1.PgWalStat.$Shape} PgWalStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgWalStat & vigil.v1.PgWalStat.$Shape;

            /**
             * Verifies a PgWalStat message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgWalStat message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgWalStat
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgWalStat;

            /**
             * Creates a plain object from a PgWalStat message. Also converts values to other types if specified.
             * @param m PgWalStat
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgWalStat, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgWalStat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgWalStat
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgWalStat {

            /** Properties of a PgWalStat. */
            interface $Properties {

                /** PgWalStat walRecords */
                walRecords?: (number|null);

                /** PgWalStat walFpi */
                walFpi?: (number|null);

                /** PgWalStat walBytes */
                walBytes?: (number|null);

                /** PgWalStat walBuffersFull */
                walBuffersFull?: (number|null);

                /** PgWalStat walWrite */
                walWrite?: (number|null);

                /** PgWalStat walSync */
                walSync?: (number|null);

                /** PgWalStat walWriteTimeMs */
                walWriteTimeMs?: (number|null);

                /** PgWalStat walSyncTimeMs */
                walSyncTimeMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgWalStat. */
            type $Shape = vigil.v1.PgWalStat.$Properties;
        }

        /**
         * Properties of a PgIoStat.
         * @deprecated Use vigil.v1.PgIoStat.$Properties instead.
         */
        interface IPgIoStat extends vigil.v1.PgIoStat.$Properties {
        }

        /** Represents a PgIoStat. */
        class PgIoStat {

            /**
             * Constructs a new PgIoStat.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgIoStat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgIoStat backendType. */
            backendType: string;

            /** PgIoStat object. */
            object: string;

            /** PgIoStat context. */
            context: string;

            /** PgIoStat reads. */
            reads: number;

            /** PgIoStat readTimeMs. */
            readTimeMs: number;

            /** PgIoStat writes. */
            writes: number;

            /** PgIoStat writeTimeMs. */
            writeTimeMs: number;

            /** PgIoStat writebacks. */
            writebacks: number;

            /** PgIoStat writebackTimeMs. */
            writebackTimeMs: number;

            /** PgIoStat extends. */
            extends: number;

            /** PgIoStat extendTimeMs. */
            extendTimeMs: number;

            /** PgIoStat hits. */
            hits: number;

            /** PgIoStat evictions. */
            evictions: number;

            /** PgIoStat reuses. */
            reuses: number;

            /** PgIoStat fsyncs. */
            fsyncs: number;

            /** PgIoStat fsyncTimeMs. */
            fsyncTimeMs: number;

            /** PgIoStat opBytes. */
            opBytes: number;

            /**
             * Creates a new PgIoStat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgIoStat instance
             */
            static create(properties: vigil.v1.PgIoStat.$Shape): vigil.v1.PgIoStat & vigil.v1.PgIoStat.$Shape;
            static create(properties?: vigil.v1.PgIoStat.$Properties): vigil.v1.PgIoStat;

            /**
             * Encodes the specified PgIoStat message. Does not implicitly {@link vigil.v1.PgIoStat.verify|verify} messages.
             * @param m PgIoStat message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgIoStat.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgIoStat message, length delimited. Does not implicitly {@link vigil.v1.PgIoStat.verify|verify} messages.
             * @param message PgIoStat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgIoStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgIoStat message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgIoStat & vigil.v1.PgIoStat.$Shape} PgIoStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgIoStat & vigil.v1.PgIoStat.$Shape;

            /**
             * Decodes a PgIoStat message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgIoStat & vigil.v1.PgIoStat.$Shape} PgIoStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgIoStat & vigil.v1.PgIoStat.$Shape;

            /**
             * Verifies a PgIoStat message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgIoStat message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgIoStat
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgIoStat;

            /**
             * Creates a plain object from a PgIoStat message. Also converts values to other types if specified.
             * @param m PgIoStat
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgIoStat, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgIoStat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgIoStat
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgIoStat {

            /** Properties of a PgIoStat. */
            interface $Properties {

                /** PgIoStat backendType */
                backendType?: (string|null);

                /** PgIoStat object */
                object?: (string|null);

                /** PgIoStat context */
                context?: (string|null);

                /** PgIoStat reads */
                reads?: (number|null);

                /** PgIoStat readTimeMs */
                readTimeMs?: (number|null);

                /** PgIoStat writes */
                writes?: (number|null);

                /** PgIoStat writeTimeMs */
                writeTimeMs?: (number|null);

                /** PgIoStat writebacks */
                writebacks?: (number|null);

                /** PgIoStat writebackTimeMs */
                writebackTimeMs?: (number|null);

                /** PgIoStat extends */
                "extends"?: (number|null);

                /** PgIoStat extendTimeMs */
                extendTimeMs?: (number|null);

                /** PgIoStat hits */
                hits?: (number|null);

                /** PgIoStat evictions */
                evictions?: (number|null);

                /** PgIoStat reuses */
                reuses?: (number|null);

                /** PgIoStat fsyncs */
                fsyncs?: (number|null);

                /** PgIoStat fsyncTimeMs */
                fsyncTimeMs?: (number|null);

                /** PgIoStat opBytes */
                opBytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgIoStat. */
            type $Shape = vigil.v1.PgIoStat.$Properties;
        }

        /**
         * Properties of a PgSetting.
         * @deprecated Use vigil.v1.PgSetting.$Properties instead.
         */
        interface IPgSetting extends vigil.v1.PgSetting.$Properties {
        }

        /** Represents a PgSetting. */
        class PgSetting {

            /**
             * Constructs a new PgSetting.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.PgSetting.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** PgSetting name. */
            name: string;

            /** PgSetting setting. */
            setting: string;

            /** PgSetting unit. */
            unit: string;

            /** PgSetting source. */
            source: string;

            /** PgSetting pendingRestart. */
            pendingRestart: boolean;

            /**
             * Creates a new PgSetting instance using the specified properties.
             * @param [properties] Properties to set
             * @returns PgSetting instance
             */
            static create(properties: vigil.v1.PgSetting.$Shape): vigil.v1.PgSetting & vigil.v1.PgSetting.$Shape;
            static create(properties?: vigil.v1.PgSetting.$Properties): vigil.v1.PgSetting;

            /**
             * Encodes the specified PgSetting message. Does not implicitly {@link vigil.v1.PgSetting.verify|verify} messages.
             * @param m PgSetting message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.PgSetting.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified PgSetting message, length delimited. Does not implicitly {@link vigil.v1.PgSetting.verify|verify} messages.
             * @param message PgSetting message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.PgSetting.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a PgSetting message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.PgSetting & vigil.v1.PgSetting.$Shape} PgSetting
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.PgSetting & vigil.v1.PgSetting.$Shape;

            /**
             * Decodes a PgSetting message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.PgSetting & vigil.v1.PgSetting.$Shape} PgSetting
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.PgSetting & vigil.v1.PgSetting.$Shape;

            /**
             * Verifies a PgSetting message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a PgSetting message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns PgSetting
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.PgSetting;

            /**
             * Creates a plain object from a PgSetting message. Also converts values to other types if specified.
             * @param m PgSetting
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.PgSetting, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this PgSetting to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for PgSetting
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace PgSetting {

            /** Properties of a PgSetting. */
            interface $Properties {

                /** PgSetting name */
                name?: (string|null);

                /** PgSetting setting */
                setting?: (string|null);

                /** PgSetting unit */
                unit?: (string|null);

                /** PgSetting source */
                source?: (string|null);

                /** PgSetting pendingRestart */
                pendingRestart?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a PgSetting. */
            type $Shape = vigil.v1.PgSetting.$Properties;
        }

        /** ClickHouseQueryHashSource enum. */
        enum ClickHouseQueryHashSource {

            /** CLICKHOUSE_QUERY_HASH_SOURCE_UNSPECIFIED value */
            CLICKHOUSE_QUERY_HASH_SOURCE_UNSPECIFIED = 0,

            /** CLICKHOUSE_QUERY_HASH_SOURCE_SERVER value */
            CLICKHOUSE_QUERY_HASH_SOURCE_SERVER = 1,

            /** CLICKHOUSE_QUERY_HASH_SOURCE_AGENT value */
            CLICKHOUSE_QUERY_HASH_SOURCE_AGENT = 2
        }

        /**
         * Properties of a ClickHouseQueryStat.
         * @deprecated Use vigil.v1.ClickHouseQueryStat.$Properties instead.
         */
        interface IClickHouseQueryStat extends vigil.v1.ClickHouseQueryStat.$Properties {
        }

        /** Represents a ClickHouseQueryStat. */
        class ClickHouseQueryStat {

            /**
             * Constructs a new ClickHouseQueryStat.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseQueryStat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseQueryStat minuteStartMs. */
            minuteStartMs: number;

            /** ClickHouseQueryStat queryHash. */
            queryHash: string;

            /** ClickHouseQueryStat hashSource. */
            hashSource: vigil.v1.ClickHouseQueryHashSource;

            /** ClickHouseQueryStat queryText. */
            queryText: string;

            /** ClickHouseQueryStat calls. */
            calls: number;

            /** ClickHouseQueryStat errors. */
            errors: number;

            /** ClickHouseQueryStat errorsByCode. */
            errorsByCode: vigil.v1.ClickHouseErrorCount.$Properties[];

            /** ClickHouseQueryStat totalDurationMs. */
            totalDurationMs: number;

            /** ClickHouseQueryStat meanDurationMs. */
            meanDurationMs: number;

            /** ClickHouseQueryStat p50DurationMs. */
            p50DurationMs: number;

            /** ClickHouseQueryStat p95DurationMs. */
            p95DurationMs: number;

            /** ClickHouseQueryStat p99DurationMs. */
            p99DurationMs: number;

            /** ClickHouseQueryStat readRows. */
            readRows: number;

            /** ClickHouseQueryStat readBytes. */
            readBytes: number;

            /** ClickHouseQueryStat writtenRows. */
            writtenRows: number;

            /** ClickHouseQueryStat writtenBytes. */
            writtenBytes: number;

            /** ClickHouseQueryStat resultRows. */
            resultRows: number;

            /** ClickHouseQueryStat peakMemoryBytes. */
            peakMemoryBytes: number;

            /** ClickHouseQueryStat totalMemoryBytes. */
            totalMemoryBytes: number;

            /**
             * Creates a new ClickHouseQueryStat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseQueryStat instance
             */
            static create(properties: vigil.v1.ClickHouseQueryStat.$Shape): vigil.v1.ClickHouseQueryStat & vigil.v1.ClickHouseQueryStat.$Shape;
            static create(properties?: vigil.v1.ClickHouseQueryStat.$Properties): vigil.v1.ClickHouseQueryStat;

            /**
             * Encodes the specified ClickHouseQueryStat message. Does not implicitly {@link vigil.v1.ClickHouseQueryStat.verify|verify} messages.
             * @param m ClickHouseQueryStat message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseQueryStat.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseQueryStat message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseQueryStat.verify|verify} messages.
             * @param message ClickHouseQueryStat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseQueryStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseQueryStat message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseQueryStat & vigil.v1.ClickHouseQueryStat.$Shape} ClickHouseQueryStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseQueryStat & vigil.v1.ClickHouseQueryStat.$Shape;

            /**
             * Decodes a ClickHouseQueryStat message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseQueryStat & vigil.v1.ClickHouseQueryStat.$Shape} ClickHouseQueryStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseQueryStat & vigil.v1.ClickHouseQueryStat.$Shape;

            /**
             * Verifies a ClickHouseQueryStat message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseQueryStat message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseQueryStat
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseQueryStat;

            /**
             * Creates a plain object from a ClickHouseQueryStat message. Also converts values to other types if specified.
             * @param m ClickHouseQueryStat
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseQueryStat, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseQueryStat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseQueryStat
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseQueryStat {

            /** Properties of a ClickHouseQueryStat. */
            interface $Properties {

                /** ClickHouseQueryStat minuteStartMs */
                minuteStartMs?: (number|null);

                /** ClickHouseQueryStat queryHash */
                queryHash?: (string|null);

                /** ClickHouseQueryStat hashSource */
                hashSource?: (vigil.v1.ClickHouseQueryHashSource|null);

                /** ClickHouseQueryStat queryText */
                queryText?: (string|null);

                /** ClickHouseQueryStat calls */
                calls?: (number|null);

                /** ClickHouseQueryStat errors */
                errors?: (number|null);

                /** ClickHouseQueryStat errorsByCode */
                errorsByCode?: (vigil.v1.ClickHouseErrorCount.$Properties[]|null);

                /** ClickHouseQueryStat totalDurationMs */
                totalDurationMs?: (number|null);

                /** ClickHouseQueryStat meanDurationMs */
                meanDurationMs?: (number|null);

                /** ClickHouseQueryStat p50DurationMs */
                p50DurationMs?: (number|null);

                /** ClickHouseQueryStat p95DurationMs */
                p95DurationMs?: (number|null);

                /** ClickHouseQueryStat p99DurationMs */
                p99DurationMs?: (number|null);

                /** ClickHouseQueryStat readRows */
                readRows?: (number|null);

                /** ClickHouseQueryStat readBytes */
                readBytes?: (number|null);

                /** ClickHouseQueryStat writtenRows */
                writtenRows?: (number|null);

                /** ClickHouseQueryStat writtenBytes */
                writtenBytes?: (number|null);

                /** ClickHouseQueryStat resultRows */
                resultRows?: (number|null);

                /** ClickHouseQueryStat peakMemoryBytes */
                peakMemoryBytes?: (number|null);

                /** ClickHouseQueryStat totalMemoryBytes */
                totalMemoryBytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseQueryStat. */
            type $Shape = vigil.v1.ClickHouseQueryStat.$Properties;
        }

        /**
         * Properties of a ClickHouseErrorCount.
         * @deprecated Use vigil.v1.ClickHouseErrorCount.$Properties instead.
         */
        interface IClickHouseErrorCount extends vigil.v1.ClickHouseErrorCount.$Properties {
        }

        /** Represents a ClickHouseErrorCount. */
        class ClickHouseErrorCount {

            /**
             * Constructs a new ClickHouseErrorCount.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseErrorCount.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseErrorCount code. */
            code: number;

            /** ClickHouseErrorCount count. */
            count: number;

            /**
             * Creates a new ClickHouseErrorCount instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseErrorCount instance
             */
            static create(properties: vigil.v1.ClickHouseErrorCount.$Shape): vigil.v1.ClickHouseErrorCount & vigil.v1.ClickHouseErrorCount.$Shape;
            static create(properties?: vigil.v1.ClickHouseErrorCount.$Properties): vigil.v1.ClickHouseErrorCount;

            /**
             * Encodes the specified ClickHouseErrorCount message. Does not implicitly {@link vigil.v1.ClickHouseErrorCount.verify|verify} messages.
             * @param m ClickHouseErrorCount message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseErrorCount.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseErrorCount message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseErrorCount.verify|verify} messages.
             * @param message ClickHouseErrorCount message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseErrorCount.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseErrorCount message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseErrorCount & vigil.v1.ClickHouseErrorCount.$Shape} ClickHouseErrorCount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseErrorCount & vigil.v1.ClickHouseErrorCount.$Shape;

            /**
             * Decodes a ClickHouseErrorCount message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseErrorCount & vigil.v1.ClickHouseErrorCount.$Shape} ClickHouseErrorCount
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseErrorCount & vigil.v1.ClickHouseErrorCount.$Shape;

            /**
             * Verifies a ClickHouseErrorCount message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseErrorCount message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseErrorCount
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseErrorCount;

            /**
             * Creates a plain object from a ClickHouseErrorCount message. Also converts values to other types if specified.
             * @param m ClickHouseErrorCount
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseErrorCount, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseErrorCount to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseErrorCount
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseErrorCount {

            /** Properties of a ClickHouseErrorCount. */
            interface $Properties {

                /** ClickHouseErrorCount code */
                code?: (number|null);

                /** ClickHouseErrorCount count */
                count?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseErrorCount. */
            type $Shape = vigil.v1.ClickHouseErrorCount.$Properties;
        }

        /**
         * Properties of a ClickHousePartsSnapshot.
         * @deprecated Use vigil.v1.ClickHousePartsSnapshot.$Properties instead.
         */
        interface IClickHousePartsSnapshot extends vigil.v1.ClickHousePartsSnapshot.$Properties {
        }

        /** Represents a ClickHousePartsSnapshot. */
        class ClickHousePartsSnapshot {

            /**
             * Constructs a new ClickHousePartsSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHousePartsSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHousePartsSnapshot tsMs. */
            tsMs: number;

            /** ClickHousePartsSnapshot tables. */
            tables: vigil.v1.ClickHouseTableParts.$Properties[];

            /** ClickHousePartsSnapshot hasDetached. */
            hasDetached: boolean;

            /** ClickHousePartsSnapshot detached. */
            detached: vigil.v1.ClickHouseDetachedParts.$Properties[];

            /**
             * Creates a new ClickHousePartsSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHousePartsSnapshot instance
             */
            static create(properties: vigil.v1.ClickHousePartsSnapshot.$Shape): vigil.v1.ClickHousePartsSnapshot & vigil.v1.ClickHousePartsSnapshot.$Shape;
            static create(properties?: vigil.v1.ClickHousePartsSnapshot.$Properties): vigil.v1.ClickHousePartsSnapshot;

            /**
             * Encodes the specified ClickHousePartsSnapshot message. Does not implicitly {@link vigil.v1.ClickHousePartsSnapshot.verify|verify} messages.
             * @param m ClickHousePartsSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHousePartsSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHousePartsSnapshot message, length delimited. Does not implicitly {@link vigil.v1.ClickHousePartsSnapshot.verify|verify} messages.
             * @param message ClickHousePartsSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHousePartsSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHousePartsSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHousePartsSnapshot & vigil.v1.ClickHousePartsSnapshot.$Shape} ClickHousePartsSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHousePartsSnapshot & vigil.v1.ClickHousePartsSnapshot.$Shape;

            /**
             * Decodes a ClickHousePartsSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHousePartsSnapshot & vigil.v1.ClickHousePartsSnapshot.$Shape} ClickHousePartsSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHousePartsSnapshot & vigil.v1.ClickHousePartsSnapshot.$Shape;

            /**
             * Verifies a ClickHousePartsSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHousePartsSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHousePartsSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHousePartsSnapshot;

            /**
             * Creates a plain object from a ClickHousePartsSnapshot message. Also converts values to other types if specified.
             * @param m ClickHousePartsSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHousePartsSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHousePartsSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHousePartsSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHousePartsSnapshot {

            /** Properties of a ClickHousePartsSnapshot. */
            interface $Properties {

                /** ClickHousePartsSnapshot tsMs */
                tsMs?: (number|null);

                /** ClickHousePartsSnapshot tables */
                tables?: (vigil.v1.ClickHouseTableParts.$Properties[]|null);

                /** ClickHousePartsSnapshot hasDetached */
                hasDetached?: (boolean|null);

                /** ClickHousePartsSnapshot detached */
                detached?: (vigil.v1.ClickHouseDetachedParts.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHousePartsSnapshot. */
            type $Shape = vigil.v1.ClickHousePartsSnapshot.$Properties;
        }

        /**
         * Properties of a ClickHouseTableParts.
         * @deprecated Use vigil.v1.ClickHouseTableParts.$Properties instead.
         */
        interface IClickHouseTableParts extends vigil.v1.ClickHouseTableParts.$Properties {
        }

        /** Represents a ClickHouseTableParts. */
        class ClickHouseTableParts {

            /**
             * Constructs a new ClickHouseTableParts.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseTableParts.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseTableParts database. */
            database: string;

            /** ClickHouseTableParts table. */
            table: string;

            /** ClickHouseTableParts partitions. */
            partitions: number;

            /** ClickHouseTableParts activeParts. */
            activeParts: number;

            /** ClickHouseTableParts maxPartsInPartition. */
            maxPartsInPartition: number;

            /** ClickHouseTableParts rows. */
            rows: number;

            /** ClickHouseTableParts bytesOnDisk. */
            bytesOnDisk: number;

            /** ClickHouseTableParts dataCompressedBytes. */
            dataCompressedBytes: number;

            /** ClickHouseTableParts dataUncompressedBytes. */
            dataUncompressedBytes: number;

            /** ClickHouseTableParts partitionStats. */
            partitionStats: vigil.v1.ClickHousePartition.$Properties[];

            /**
             * Creates a new ClickHouseTableParts instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseTableParts instance
             */
            static create(properties: vigil.v1.ClickHouseTableParts.$Shape): vigil.v1.ClickHouseTableParts & vigil.v1.ClickHouseTableParts.$Shape;
            static create(properties?: vigil.v1.ClickHouseTableParts.$Properties): vigil.v1.ClickHouseTableParts;

            /**
             * Encodes the specified ClickHouseTableParts message. Does not implicitly {@link vigil.v1.ClickHouseTableParts.verify|verify} messages.
             * @param m ClickHouseTableParts message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseTableParts.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseTableParts message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseTableParts.verify|verify} messages.
             * @param message ClickHouseTableParts message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseTableParts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseTableParts message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseTableParts & vigil.v1.ClickHouseTableParts.$Shape} ClickHouseTableParts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseTableParts & vigil.v1.ClickHouseTableParts.$Shape;

            /**
             * Decodes a ClickHouseTableParts message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseTableParts & vigil.v1.ClickHouseTableParts.$Shape} ClickHouseTableParts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseTableParts & vigil.v1.ClickHouseTableParts.$Shape;

            /**
             * Verifies a ClickHouseTableParts message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseTableParts message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseTableParts
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseTableParts;

            /**
             * Creates a plain object from a ClickHouseTableParts message. Also converts values to other types if specified.
             * @param m ClickHouseTableParts
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseTableParts, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseTableParts to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseTableParts
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseTableParts {

            /** Properties of a ClickHouseTableParts. */
            interface $Properties {

                /** ClickHouseTableParts database */
                database?: (string|null);

                /** ClickHouseTableParts table */
                table?: (string|null);

                /** ClickHouseTableParts partitions */
                partitions?: (number|null);

                /** ClickHouseTableParts activeParts */
                activeParts?: (number|null);

                /** ClickHouseTableParts maxPartsInPartition */
                maxPartsInPartition?: (number|null);

                /** ClickHouseTableParts rows */
                rows?: (number|null);

                /** ClickHouseTableParts bytesOnDisk */
                bytesOnDisk?: (number|null);

                /** ClickHouseTableParts dataCompressedBytes */
                dataCompressedBytes?: (number|null);

                /** ClickHouseTableParts dataUncompressedBytes */
                dataUncompressedBytes?: (number|null);

                /** ClickHouseTableParts partitionStats */
                partitionStats?: (vigil.v1.ClickHousePartition.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseTableParts. */
            type $Shape = vigil.v1.ClickHouseTableParts.$Properties;
        }

        /**
         * Properties of a ClickHousePartition.
         * @deprecated Use vigil.v1.ClickHousePartition.$Properties instead.
         */
        interface IClickHousePartition extends vigil.v1.ClickHousePartition.$Properties {
        }

        /** Represents a ClickHousePartition. */
        class ClickHousePartition {

            /**
             * Constructs a new ClickHousePartition.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHousePartition.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHousePartition partitionId. */
            partitionId: string;

            /** ClickHousePartition partition. */
            partition: string;

            /** ClickHousePartition activeParts. */
            activeParts: number;

            /** ClickHousePartition rows. */
            rows: number;

            /** ClickHousePartition bytesOnDisk. */
            bytesOnDisk: number;

            /** ClickHousePartition dataCompressedBytes. */
            dataCompressedBytes: number;

            /** ClickHousePartition dataUncompressedBytes. */
            dataUncompressedBytes: number;

            /**
             * Creates a new ClickHousePartition instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHousePartition instance
             */
            static create(properties: vigil.v1.ClickHousePartition.$Shape): vigil.v1.ClickHousePartition & vigil.v1.ClickHousePartition.$Shape;
            static create(properties?: vigil.v1.ClickHousePartition.$Properties): vigil.v1.ClickHousePartition;

            /**
             * Encodes the specified ClickHousePartition message. Does not implicitly {@link vigil.v1.ClickHousePartition.verify|verify} messages.
             * @param m ClickHousePartition message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHousePartition.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHousePartition message, length delimited. Does not implicitly {@link vigil.v1.ClickHousePartition.verify|verify} messages.
             * @param message ClickHousePartition message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHousePartition.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHousePartition message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHousePartition & vigil.v1.ClickHousePartition.$Shape} ClickHousePartition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHousePartition & vigil.v1.ClickHousePartition.$Shape;

            /**
             * Decodes a ClickHousePartition message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHousePartition & vigil.v1.ClickHousePartition.$Shape} ClickHousePartition
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHousePartition & vigil.v1.ClickHousePartition.$Shape;

            /**
             * Verifies a ClickHousePartition message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHousePartition message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHousePartition
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHousePartition;

            /**
             * Creates a plain object from a ClickHousePartition message. Also converts values to other types if specified.
             * @param m ClickHousePartition
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHousePartition, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHousePartition to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHousePartition
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHousePartition {

            /** Properties of a ClickHousePartition. */
            interface $Properties {

                /** ClickHousePartition partitionId */
                partitionId?: (string|null);

                /** ClickHousePartition partition */
                partition?: (string|null);

                /** ClickHousePartition activeParts */
                activeParts?: (number|null);

                /** ClickHousePartition rows */
                rows?: (number|null);

                /** ClickHousePartition bytesOnDisk */
                bytesOnDisk?: (number|null);

                /** ClickHousePartition dataCompressedBytes */
                dataCompressedBytes?: (number|null);

                /** ClickHousePartition dataUncompressedBytes */
                dataUncompressedBytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHousePartition. */
            type $Shape = vigil.v1.ClickHousePartition.$Properties;
        }

        /**
         * Properties of a ClickHouseDetachedParts.
         * @deprecated Use vigil.v1.ClickHouseDetachedParts.$Properties instead.
         */
        interface IClickHouseDetachedParts extends vigil.v1.ClickHouseDetachedParts.$Properties {
        }

        /** Represents a ClickHouseDetachedParts. */
        class ClickHouseDetachedParts {

            /**
             * Constructs a new ClickHouseDetachedParts.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseDetachedParts.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseDetachedParts database. */
            database: string;

            /** ClickHouseDetachedParts table. */
            table: string;

            /** ClickHouseDetachedParts reason. */
            reason: string;

            /** ClickHouseDetachedParts parts. */
            parts: number;

            /**
             * Creates a new ClickHouseDetachedParts instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseDetachedParts instance
             */
            static create(properties: vigil.v1.ClickHouseDetachedParts.$Shape): vigil.v1.ClickHouseDetachedParts & vigil.v1.ClickHouseDetachedParts.$Shape;
            static create(properties?: vigil.v1.ClickHouseDetachedParts.$Properties): vigil.v1.ClickHouseDetachedParts;

            /**
             * Encodes the specified ClickHouseDetachedParts message. Does not implicitly {@link vigil.v1.ClickHouseDetachedParts.verify|verify} messages.
             * @param m ClickHouseDetachedParts message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseDetachedParts.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseDetachedParts message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseDetachedParts.verify|verify} messages.
             * @param message ClickHouseDetachedParts message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseDetachedParts.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseDetachedParts message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseDetachedParts & vigil.v1.ClickHouseDetachedParts.$Shape} ClickHouseDetachedParts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseDetachedParts & vigil.v1.ClickHouseDetachedParts.$Shape;

            /**
             * Decodes a ClickHouseDetachedParts message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseDetachedParts & vigil.v1.ClickHouseDetachedParts.$Shape} ClickHouseDetachedParts
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseDetachedParts & vigil.v1.ClickHouseDetachedParts.$Shape;

            /**
             * Verifies a ClickHouseDetachedParts message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseDetachedParts message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseDetachedParts
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseDetachedParts;

            /**
             * Creates a plain object from a ClickHouseDetachedParts message. Also converts values to other types if specified.
             * @param m ClickHouseDetachedParts
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseDetachedParts, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseDetachedParts to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseDetachedParts
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseDetachedParts {

            /** Properties of a ClickHouseDetachedParts. */
            interface $Properties {

                /** ClickHouseDetachedParts database */
                database?: (string|null);

                /** ClickHouseDetachedParts table */
                table?: (string|null);

                /** ClickHouseDetachedParts reason */
                reason?: (string|null);

                /** ClickHouseDetachedParts parts */
                parts?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseDetachedParts. */
            type $Shape = vigil.v1.ClickHouseDetachedParts.$Properties;
        }

        /**
         * Properties of a ClickHouseMergesSnapshot.
         * @deprecated Use vigil.v1.ClickHouseMergesSnapshot.$Properties instead.
         */
        interface IClickHouseMergesSnapshot extends vigil.v1.ClickHouseMergesSnapshot.$Properties {
        }

        /** Represents a ClickHouseMergesSnapshot. */
        class ClickHouseMergesSnapshot {

            /**
             * Constructs a new ClickHouseMergesSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseMergesSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseMergesSnapshot tsMs. */
            tsMs: number;

            /** ClickHouseMergesSnapshot merges. */
            merges: vigil.v1.ClickHouseMerge.$Properties[];

            /**
             * Creates a new ClickHouseMergesSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseMergesSnapshot instance
             */
            static create(properties: vigil.v1.ClickHouseMergesSnapshot.$Shape): vigil.v1.ClickHouseMergesSnapshot & vigil.v1.ClickHouseMergesSnapshot.$Shape;
            static create(properties?: vigil.v1.ClickHouseMergesSnapshot.$Properties): vigil.v1.ClickHouseMergesSnapshot;

            /**
             * Encodes the specified ClickHouseMergesSnapshot message. Does not implicitly {@link vigil.v1.ClickHouseMergesSnapshot.verify|verify} messages.
             * @param m ClickHouseMergesSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseMergesSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseMergesSnapshot message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseMergesSnapshot.verify|verify} messages.
             * @param message ClickHouseMergesSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseMergesSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseMergesSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseMergesSnapshot & vigil.v1.ClickHouseMergesSnapshot.$Shape} ClickHouseMergesSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseMergesSnapshot & vigil.v1.ClickHouseMergesSnapshot.$Shape;

            /**
             * Decodes a ClickHouseMergesSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseMergesSnapshot & vigil.v1.ClickHouseMergesSnapshot.$Shape} ClickHouseMergesSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseMergesSnapshot & vigil.v1.ClickHouseMergesSnapshot.$Shape;

            /**
             * Verifies a ClickHouseMergesSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseMergesSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseMergesSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseMergesSnapshot;

            /**
             * Creates a plain object from a ClickHouseMergesSnapshot message. Also converts values to other types if specified.
             * @param m ClickHouseMergesSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseMergesSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseMergesSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseMergesSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseMergesSnapshot {

            /** Properties of a ClickHouseMergesSnapshot. */
            interface $Properties {

                /** ClickHouseMergesSnapshot tsMs */
                tsMs?: (number|null);

                /** ClickHouseMergesSnapshot merges */
                merges?: (vigil.v1.ClickHouseMerge.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseMergesSnapshot. */
            type $Shape = vigil.v1.ClickHouseMergesSnapshot.$Properties;
        }

        /**
         * Properties of a ClickHouseMerge.
         * @deprecated Use vigil.v1.ClickHouseMerge.$Properties instead.
         */
        interface IClickHouseMerge extends vigil.v1.ClickHouseMerge.$Properties {
        }

        /** Represents a ClickHouseMerge. */
        class ClickHouseMerge {

            /**
             * Constructs a new ClickHouseMerge.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseMerge.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseMerge database. */
            database: string;

            /** ClickHouseMerge table. */
            table: string;

            /** ClickHouseMerge partitionId. */
            partitionId: string;

            /** ClickHouseMerge resultPartName. */
            resultPartName: string;

            /** ClickHouseMerge elapsedS. */
            elapsedS: number;

            /** ClickHouseMerge progress. */
            progress: number;

            /** ClickHouseMerge numParts. */
            numParts: number;

            /** ClickHouseMerge totalSizeBytesCompressed. */
            totalSizeBytesCompressed: number;

            /** ClickHouseMerge rowsRead. */
            rowsRead: number;

            /** ClickHouseMerge rowsWritten. */
            rowsWritten: number;

            /** ClickHouseMerge bytesReadUncompressed. */
            bytesReadUncompressed: number;

            /** ClickHouseMerge bytesWrittenUncompressed. */
            bytesWrittenUncompressed: number;

            /** ClickHouseMerge memoryBytes. */
            memoryBytes: number;

            /** ClickHouseMerge isMutation. */
            isMutation: boolean;

            /** ClickHouseMerge mergeType. */
            mergeType: string;

            /**
             * Creates a new ClickHouseMerge instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseMerge instance
             */
            static create(properties: vigil.v1.ClickHouseMerge.$Shape): vigil.v1.ClickHouseMerge & vigil.v1.ClickHouseMerge.$Shape;
            static create(properties?: vigil.v1.ClickHouseMerge.$Properties): vigil.v1.ClickHouseMerge;

            /**
             * Encodes the specified ClickHouseMerge message. Does not implicitly {@link vigil.v1.ClickHouseMerge.verify|verify} messages.
             * @param m ClickHouseMerge message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseMerge.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseMerge message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseMerge.verify|verify} messages.
             * @param message ClickHouseMerge message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseMerge.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseMerge message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseMerge & vigil.v1.ClickHouseMerge.$Shape} ClickHouseMerge
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseMerge & vigil.v1.ClickHouseMerge.$Shape;

            /**
             * Decodes a ClickHouseMerge message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseMerge & vigil.v1.ClickHouseMerge.$Shape} ClickHouseMerge
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseMerge & vigil.v1.ClickHouseMerge.$Shape;

            /**
             * Verifies a ClickHouseMerge message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseMerge message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseMerge
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseMerge;

            /**
             * Creates a plain object from a ClickHouseMerge message. Also converts values to other types if specified.
             * @param m ClickHouseMerge
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseMerge, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseMerge to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseMerge
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseMerge {

            /** Properties of a ClickHouseMerge. */
            interface $Properties {

                /** ClickHouseMerge database */
                database?: (string|null);

                /** ClickHouseMerge table */
                table?: (string|null);

                /** ClickHouseMerge partitionId */
                partitionId?: (string|null);

                /** ClickHouseMerge resultPartName */
                resultPartName?: (string|null);

                /** ClickHouseMerge elapsedS */
                elapsedS?: (number|null);

                /** ClickHouseMerge progress */
                progress?: (number|null);

                /** ClickHouseMerge numParts */
                numParts?: (number|null);

                /** ClickHouseMerge totalSizeBytesCompressed */
                totalSizeBytesCompressed?: (number|null);

                /** ClickHouseMerge rowsRead */
                rowsRead?: (number|null);

                /** ClickHouseMerge rowsWritten */
                rowsWritten?: (number|null);

                /** ClickHouseMerge bytesReadUncompressed */
                bytesReadUncompressed?: (number|null);

                /** ClickHouseMerge bytesWrittenUncompressed */
                bytesWrittenUncompressed?: (number|null);

                /** ClickHouseMerge memoryBytes */
                memoryBytes?: (number|null);

                /** ClickHouseMerge isMutation */
                isMutation?: (boolean|null);

                /** ClickHouseMerge mergeType */
                mergeType?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseMerge. */
            type $Shape = vigil.v1.ClickHouseMerge.$Properties;
        }

        /**
         * Properties of a ClickHouseMutationsSnapshot.
         * @deprecated Use vigil.v1.ClickHouseMutationsSnapshot.$Properties instead.
         */
        interface IClickHouseMutationsSnapshot extends vigil.v1.ClickHouseMutationsSnapshot.$Properties {
        }

        /** Represents a ClickHouseMutationsSnapshot. */
        class ClickHouseMutationsSnapshot {

            /**
             * Constructs a new ClickHouseMutationsSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseMutationsSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseMutationsSnapshot tsMs. */
            tsMs: number;

            /** ClickHouseMutationsSnapshot mutations. */
            mutations: vigil.v1.ClickHouseMutation.$Properties[];

            /**
             * Creates a new ClickHouseMutationsSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseMutationsSnapshot instance
             */
            static create(properties: vigil.v1.ClickHouseMutationsSnapshot.$Shape): vigil.v1.ClickHouseMutationsSnapshot & vigil.v1.ClickHouseMutationsSnapshot.$Shape;
            static create(properties?: vigil.v1.ClickHouseMutationsSnapshot.$Properties): vigil.v1.ClickHouseMutationsSnapshot;

            /**
             * Encodes the specified ClickHouseMutationsSnapshot message. Does not implicitly {@link vigil.v1.ClickHouseMutationsSnapshot.verify|verify} messages.
             * @param m ClickHouseMutationsSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseMutationsSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseMutationsSnapshot message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseMutationsSnapshot.verify|verify} messages.
             * @param message ClickHouseMutationsSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseMutationsSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseMutationsSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseMutationsSnapshot & vigil.v1.ClickHouseMutationsSnapshot.$Shape} ClickHouseMutationsSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseMutationsSnapshot & vigil.v1.ClickHouseMutationsSnapshot.$Shape;

            /**
             * Decodes a ClickHouseMutationsSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseMutationsSnapshot & vigil.v1.ClickHouseMutationsSnapshot.$Shape} ClickHouseMutationsSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseMutationsSnapshot & vigil.v1.ClickHouseMutationsSnapshot.$Shape;

            /**
             * Verifies a ClickHouseMutationsSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseMutationsSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseMutationsSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseMutationsSnapshot;

            /**
             * Creates a plain object from a ClickHouseMutationsSnapshot message. Also converts values to other types if specified.
             * @param m ClickHouseMutationsSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseMutationsSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseMutationsSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseMutationsSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseMutationsSnapshot {

            /** Properties of a ClickHouseMutationsSnapshot. */
            interface $Properties {

                /** ClickHouseMutationsSnapshot tsMs */
                tsMs?: (number|null);

                /** ClickHouseMutationsSnapshot mutations */
                mutations?: (vigil.v1.ClickHouseMutation.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseMutationsSnapshot. */
            type $Shape = vigil.v1.ClickHouseMutationsSnapshot.$Properties;
        }

        /**
         * Properties of a ClickHouseMutation.
         * @deprecated Use vigil.v1.ClickHouseMutation.$Properties instead.
         */
        interface IClickHouseMutation extends vigil.v1.ClickHouseMutation.$Properties {
        }

        /** Represents a ClickHouseMutation. */
        class ClickHouseMutation {

            /**
             * Constructs a new ClickHouseMutation.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseMutation.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseMutation database. */
            database: string;

            /** ClickHouseMutation table. */
            table: string;

            /** ClickHouseMutation mutationId. */
            mutationId: string;

            /** ClickHouseMutation command. */
            command: string;

            /** ClickHouseMutation createTimeMs. */
            createTimeMs: number;

            /** ClickHouseMutation ageS. */
            ageS: number;

            /** ClickHouseMutation partsToDo. */
            partsToDo: number;

            /** ClickHouseMutation isKilled. */
            isKilled: boolean;

            /** ClickHouseMutation latestFailedPart. */
            latestFailedPart: string;

            /** ClickHouseMutation latestFailTimeMs. */
            latestFailTimeMs: number;

            /** ClickHouseMutation latestFailReason. */
            latestFailReason: string;

            /**
             * Creates a new ClickHouseMutation instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseMutation instance
             */
            static create(properties: vigil.v1.ClickHouseMutation.$Shape): vigil.v1.ClickHouseMutation & vigil.v1.ClickHouseMutation.$Shape;
            static create(properties?: vigil.v1.ClickHouseMutation.$Properties): vigil.v1.ClickHouseMutation;

            /**
             * Encodes the specified ClickHouseMutation message. Does not implicitly {@link vigil.v1.ClickHouseMutation.verify|verify} messages.
             * @param m ClickHouseMutation message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseMutation.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseMutation message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseMutation.verify|verify} messages.
             * @param message ClickHouseMutation message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseMutation.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseMutation message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseMutation & vigil.v1.ClickHouseMutation.$Shape} ClickHouseMutation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseMutation & vigil.v1.ClickHouseMutation.$Shape;

            /**
             * Decodes a ClickHouseMutation message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseMutation & vigil.v1.ClickHouseMutation.$Shape} ClickHouseMutation
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseMutation & vigil.v1.ClickHouseMutation.$Shape;

            /**
             * Verifies a ClickHouseMutation message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseMutation message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseMutation
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseMutation;

            /**
             * Creates a plain object from a ClickHouseMutation message. Also converts values to other types if specified.
             * @param m ClickHouseMutation
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseMutation, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseMutation to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseMutation
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseMutation {

            /** Properties of a ClickHouseMutation. */
            interface $Properties {

                /** ClickHouseMutation database */
                database?: (string|null);

                /** ClickHouseMutation table */
                table?: (string|null);

                /** ClickHouseMutation mutationId */
                mutationId?: (string|null);

                /** ClickHouseMutation command */
                command?: (string|null);

                /** ClickHouseMutation createTimeMs */
                createTimeMs?: (number|null);

                /** ClickHouseMutation ageS */
                ageS?: (number|null);

                /** ClickHouseMutation partsToDo */
                partsToDo?: (number|null);

                /** ClickHouseMutation isKilled */
                isKilled?: (boolean|null);

                /** ClickHouseMutation latestFailedPart */
                latestFailedPart?: (string|null);

                /** ClickHouseMutation latestFailTimeMs */
                latestFailTimeMs?: (number|null);

                /** ClickHouseMutation latestFailReason */
                latestFailReason?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseMutation. */
            type $Shape = vigil.v1.ClickHouseMutation.$Properties;
        }

        /**
         * Properties of a ClickHouseReplicasSnapshot.
         * @deprecated Use vigil.v1.ClickHouseReplicasSnapshot.$Properties instead.
         */
        interface IClickHouseReplicasSnapshot extends vigil.v1.ClickHouseReplicasSnapshot.$Properties {
        }

        /** Represents a ClickHouseReplicasSnapshot. */
        class ClickHouseReplicasSnapshot {

            /**
             * Constructs a new ClickHouseReplicasSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseReplicasSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseReplicasSnapshot tsMs. */
            tsMs: number;

            /** ClickHouseReplicasSnapshot replicas. */
            replicas: vigil.v1.ClickHouseReplica.$Properties[];

            /**
             * Creates a new ClickHouseReplicasSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseReplicasSnapshot instance
             */
            static create(properties: vigil.v1.ClickHouseReplicasSnapshot.$Shape): vigil.v1.ClickHouseReplicasSnapshot & vigil.v1.ClickHouseReplicasSnapshot.$Shape;
            static create(properties?: vigil.v1.ClickHouseReplicasSnapshot.$Properties): vigil.v1.ClickHouseReplicasSnapshot;

            /**
             * Encodes the specified ClickHouseReplicasSnapshot message. Does not implicitly {@link vigil.v1.ClickHouseReplicasSnapshot.verify|verify} messages.
             * @param m ClickHouseReplicasSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseReplicasSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseReplicasSnapshot message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseReplicasSnapshot.verify|verify} messages.
             * @param message ClickHouseReplicasSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseReplicasSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseReplicasSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseReplicasSnapshot & vigil.v1.ClickHouseReplicasSnapshot.$Shape} ClickHouseReplicasSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseReplicasSnapshot & vigil.v1.ClickHouseReplicasSnapshot.$Shape;

            /**
             * Decodes a ClickHouseReplicasSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseReplicasSnapshot & vigil.v1.ClickHouseReplicasSnapshot.$Shape} ClickHouseReplicasSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseReplicasSnapshot & vigil.v1.ClickHouseReplicasSnapshot.$Shape;

            /**
             * Verifies a ClickHouseReplicasSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseReplicasSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseReplicasSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseReplicasSnapshot;

            /**
             * Creates a plain object from a ClickHouseReplicasSnapshot message. Also converts values to other types if specified.
             * @param m ClickHouseReplicasSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseReplicasSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseReplicasSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseReplicasSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseReplicasSnapshot {

            /** Properties of a ClickHouseReplicasSnapshot. */
            interface $Properties {

                /** ClickHouseReplicasSnapshot tsMs */
                tsMs?: (number|null);

                /** ClickHouseReplicasSnapshot replicas */
                replicas?: (vigil.v1.ClickHouseReplica.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseReplicasSnapshot. */
            type $Shape = vigil.v1.ClickHouseReplicasSnapshot.$Properties;
        }

        /**
         * Properties of a ClickHouseReplica.
         * @deprecated Use vigil.v1.ClickHouseReplica.$Properties instead.
         */
        interface IClickHouseReplica extends vigil.v1.ClickHouseReplica.$Properties {
        }

        /** Represents a ClickHouseReplica. */
        class ClickHouseReplica {

            /**
             * Constructs a new ClickHouseReplica.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseReplica.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseReplica database. */
            database: string;

            /** ClickHouseReplica table. */
            table: string;

            /** ClickHouseReplica isLeader. */
            isLeader: boolean;

            /** ClickHouseReplica isReadonly. */
            isReadonly: boolean;

            /** ClickHouseReplica isSessionExpired. */
            isSessionExpired: boolean;

            /** ClickHouseReplica absoluteDelayS. */
            absoluteDelayS: number;

            /** ClickHouseReplica queueSize. */
            queueSize: number;

            /** ClickHouseReplica insertsInQueue. */
            insertsInQueue: number;

            /** ClickHouseReplica mergesInQueue. */
            mergesInQueue: number;

            /** ClickHouseReplica partMutationsInQueue. */
            partMutationsInQueue: number;

            /** ClickHouseReplica futureParts. */
            futureParts: number;

            /** ClickHouseReplica partsToCheck. */
            partsToCheck: number;

            /** ClickHouseReplica queueOldestTimeMs. */
            queueOldestTimeMs: number;

            /** ClickHouseReplica lastQueueUpdateMs. */
            lastQueueUpdateMs: number;

            /**
             * Creates a new ClickHouseReplica instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseReplica instance
             */
            static create(properties: vigil.v1.ClickHouseReplica.$Shape): vigil.v1.ClickHouseReplica & vigil.v1.ClickHouseReplica.$Shape;
            static create(properties?: vigil.v1.ClickHouseReplica.$Properties): vigil.v1.ClickHouseReplica;

            /**
             * Encodes the specified ClickHouseReplica message. Does not implicitly {@link vigil.v1.ClickHouseReplica.verify|verify} messages.
             * @param m ClickHouseReplica message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseReplica.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseReplica message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseReplica.verify|verify} messages.
             * @param message ClickHouseReplica message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseReplica.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseReplica message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseReplica & vigil.v1.ClickHouseReplica.$Shape} ClickHouseReplica
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseReplica & vigil.v1.ClickHouseReplica.$Shape;

            /**
             * Decodes a ClickHouseReplica message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseReplica & vigil.v1.ClickHouseReplica.$Shape} ClickHouseReplica
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseReplica & vigil.v1.ClickHouseReplica.$Shape;

            /**
             * Verifies a ClickHouseReplica message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseReplica message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseReplica
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseReplica;

            /**
             * Creates a plain object from a ClickHouseReplica message. Also converts values to other types if specified.
             * @param m ClickHouseReplica
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseReplica, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseReplica to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseReplica
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseReplica {

            /** Properties of a ClickHouseReplica. */
            interface $Properties {

                /** ClickHouseReplica database */
                database?: (string|null);

                /** ClickHouseReplica table */
                table?: (string|null);

                /** ClickHouseReplica isLeader */
                isLeader?: (boolean|null);

                /** ClickHouseReplica isReadonly */
                isReadonly?: (boolean|null);

                /** ClickHouseReplica isSessionExpired */
                isSessionExpired?: (boolean|null);

                /** ClickHouseReplica absoluteDelayS */
                absoluteDelayS?: (number|null);

                /** ClickHouseReplica queueSize */
                queueSize?: (number|null);

                /** ClickHouseReplica insertsInQueue */
                insertsInQueue?: (number|null);

                /** ClickHouseReplica mergesInQueue */
                mergesInQueue?: (number|null);

                /** ClickHouseReplica partMutationsInQueue */
                partMutationsInQueue?: (number|null);

                /** ClickHouseReplica futureParts */
                futureParts?: (number|null);

                /** ClickHouseReplica partsToCheck */
                partsToCheck?: (number|null);

                /** ClickHouseReplica queueOldestTimeMs */
                queueOldestTimeMs?: (number|null);

                /** ClickHouseReplica lastQueueUpdateMs */
                lastQueueUpdateMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseReplica. */
            type $Shape = vigil.v1.ClickHouseReplica.$Properties;
        }

        /**
         * Properties of a ClickHouseReplicationQueueSnapshot.
         * @deprecated Use vigil.v1.ClickHouseReplicationQueueSnapshot.$Properties instead.
         */
        interface IClickHouseReplicationQueueSnapshot extends vigil.v1.ClickHouseReplicationQueueSnapshot.$Properties {
        }

        /** Represents a ClickHouseReplicationQueueSnapshot. */
        class ClickHouseReplicationQueueSnapshot {

            /**
             * Constructs a new ClickHouseReplicationQueueSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseReplicationQueueSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseReplicationQueueSnapshot tsMs. */
            tsMs: number;

            /** ClickHouseReplicationQueueSnapshot groups. */
            groups: vigil.v1.ClickHouseReplicationQueueGroup.$Properties[];

            /**
             * Creates a new ClickHouseReplicationQueueSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseReplicationQueueSnapshot instance
             */
            static create(properties: vigil.v1.ClickHouseReplicationQueueSnapshot.$Shape): vigil.v1.ClickHouseReplicationQueueSnapshot & vigil.v1.ClickHouseReplicationQueueSnapshot.$Shape;
            static create(properties?: vigil.v1.ClickHouseReplicationQueueSnapshot.$Properties): vigil.v1.ClickHouseReplicationQueueSnapshot;

            /**
             * Encodes the specified ClickHouseReplicationQueueSnapshot message. Does not implicitly {@link vigil.v1.ClickHouseReplicationQueueSnapshot.verify|verify} messages.
             * @param m ClickHouseReplicationQueueSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseReplicationQueueSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseReplicationQueueSnapshot message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseReplicationQueueSnapshot.verify|verify} messages.
             * @param message ClickHouseReplicationQueueSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseReplicationQueueSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseReplicationQueueSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseReplicationQueueSnapshot & vigil.v1.ClickHouseReplicationQueueSnapshot.$Shape} ClickHouseReplicationQueueSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseReplicationQueueSnapshot & vigil.v1.ClickHouseReplicationQueueSnapshot.$Shape;

            /**
             * Decodes a ClickHouseReplicationQueueSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseReplicationQueueSnapshot & vigil.v1.ClickHouseReplicationQueueSnapshot.$Shape} ClickHouseReplicationQueueSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseReplicationQueueSnapshot & vigil.v1.ClickHouseReplicationQueueSnapshot.$Shape;

            /**
             * Verifies a ClickHouseReplicationQueueSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseReplicationQueueSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseReplicationQueueSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseReplicationQueueSnapshot;

            /**
             * Creates a plain object from a ClickHouseReplicationQueueSnapshot message. Also converts values to other types if specified.
             * @param m ClickHouseReplicationQueueSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseReplicationQueueSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseReplicationQueueSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseReplicationQueueSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseReplicationQueueSnapshot {

            /** Properties of a ClickHouseReplicationQueueSnapshot. */
            interface $Properties {

                /** ClickHouseReplicationQueueSnapshot tsMs */
                tsMs?: (number|null);

                /** ClickHouseReplicationQueueSnapshot groups */
                groups?: (vigil.v1.ClickHouseReplicationQueueGroup.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseReplicationQueueSnapshot. */
            type $Shape = vigil.v1.ClickHouseReplicationQueueSnapshot.$Properties;
        }

        /**
         * Properties of a ClickHouseReplicationQueueGroup.
         * @deprecated Use vigil.v1.ClickHouseReplicationQueueGroup.$Properties instead.
         */
        interface IClickHouseReplicationQueueGroup extends vigil.v1.ClickHouseReplicationQueueGroup.$Properties {
        }

        /** Represents a ClickHouseReplicationQueueGroup. */
        class ClickHouseReplicationQueueGroup {

            /**
             * Constructs a new ClickHouseReplicationQueueGroup.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseReplicationQueueGroup.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseReplicationQueueGroup database. */
            database: string;

            /** ClickHouseReplicationQueueGroup table. */
            table: string;

            /** ClickHouseReplicationQueueGroup type. */
            type: string;

            /** ClickHouseReplicationQueueGroup entries. */
            entries: number;

            /** ClickHouseReplicationQueueGroup executing. */
            executing: number;

            /** ClickHouseReplicationQueueGroup maxNumTries. */
            maxNumTries: number;

            /** ClickHouseReplicationQueueGroup entriesWithException. */
            entriesWithException: number;

            /** ClickHouseReplicationQueueGroup numPostponed. */
            numPostponed: number;

            /** ClickHouseReplicationQueueGroup oldestCreateTimeMs. */
            oldestCreateTimeMs: number;

            /** ClickHouseReplicationQueueGroup lastException. */
            lastException: string;

            /** ClickHouseReplicationQueueGroup lastExceptionTimeMs. */
            lastExceptionTimeMs: number;

            /**
             * Creates a new ClickHouseReplicationQueueGroup instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseReplicationQueueGroup instance
             */
            static create(properties: vigil.v1.ClickHouseReplicationQueueGroup.$Shape): vigil.v1.ClickHouseReplicationQueueGroup & vigil.v1.ClickHouseReplicationQueueGroup.$Shape;
            static create(properties?: vigil.v1.ClickHouseReplicationQueueGroup.$Properties): vigil.v1.ClickHouseReplicationQueueGroup;

            /**
             * Encodes the specified ClickHouseReplicationQueueGroup message. Does not implicitly {@link vigil.v1.ClickHouseReplicationQueueGroup.verify|verify} messages.
             * @param m ClickHouseReplicationQueueGroup message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseReplicationQueueGroup.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseReplicationQueueGroup message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseReplicationQueueGroup.verify|verify} messages.
             * @param message ClickHouseReplicationQueueGroup message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseReplicationQueueGroup.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseReplicationQueueGroup message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseReplicationQueueGroup & vigil.v1.ClickHouseReplicationQueueGroup.$Shape} ClickHouseReplicationQueueGroup
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseReplicationQueueGroup & vigil.v1.ClickHouseReplicationQueueGroup.$Shape;

            /**
             * Decodes a ClickHouseReplicationQueueGroup message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseReplicationQueueGroup & vigil.v1.ClickHouseReplicationQueueGroup.$Shape} ClickHouseReplicationQueueGroup
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseReplicationQueueGroup & vigil.v1.ClickHouseReplicationQueueGroup.$Shape;

            /**
             * Verifies a ClickHouseReplicationQueueGroup message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseReplicationQueueGroup message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseReplicationQueueGroup
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseReplicationQueueGroup;

            /**
             * Creates a plain object from a ClickHouseReplicationQueueGroup message. Also converts values to other types if specified.
             * @param m ClickHouseReplicationQueueGroup
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseReplicationQueueGroup, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseReplicationQueueGroup to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseReplicationQueueGroup
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseReplicationQueueGroup {

            /** Properties of a ClickHouseReplicationQueueGroup. */
            interface $Properties {

                /** ClickHouseReplicationQueueGroup database */
                database?: (string|null);

                /** ClickHouseReplicationQueueGroup table */
                table?: (string|null);

                /** ClickHouseReplicationQueueGroup type */
                type?: (string|null);

                /** ClickHouseReplicationQueueGroup entries */
                entries?: (number|null);

                /** ClickHouseReplicationQueueGroup executing */
                executing?: (number|null);

                /** ClickHouseReplicationQueueGroup maxNumTries */
                maxNumTries?: (number|null);

                /** ClickHouseReplicationQueueGroup entriesWithException */
                entriesWithException?: (number|null);

                /** ClickHouseReplicationQueueGroup numPostponed */
                numPostponed?: (number|null);

                /** ClickHouseReplicationQueueGroup oldestCreateTimeMs */
                oldestCreateTimeMs?: (number|null);

                /** ClickHouseReplicationQueueGroup lastException */
                lastException?: (string|null);

                /** ClickHouseReplicationQueueGroup lastExceptionTimeMs */
                lastExceptionTimeMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseReplicationQueueGroup. */
            type $Shape = vigil.v1.ClickHouseReplicationQueueGroup.$Properties;
        }

        /**
         * Properties of a ClickHouseTableSchemasSnapshot.
         * @deprecated Use vigil.v1.ClickHouseTableSchemasSnapshot.$Properties instead.
         */
        interface IClickHouseTableSchemasSnapshot extends vigil.v1.ClickHouseTableSchemasSnapshot.$Properties {
        }

        /** Represents a ClickHouseTableSchemasSnapshot. */
        class ClickHouseTableSchemasSnapshot {

            /**
             * Constructs a new ClickHouseTableSchemasSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseTableSchemasSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseTableSchemasSnapshot tsMs. */
            tsMs: number;

            /** ClickHouseTableSchemasSnapshot tables. */
            tables: vigil.v1.ClickHouseTableSchema.$Properties[];

            /**
             * Creates a new ClickHouseTableSchemasSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseTableSchemasSnapshot instance
             */
            static create(properties: vigil.v1.ClickHouseTableSchemasSnapshot.$Shape): vigil.v1.ClickHouseTableSchemasSnapshot & vigil.v1.ClickHouseTableSchemasSnapshot.$Shape;
            static create(properties?: vigil.v1.ClickHouseTableSchemasSnapshot.$Properties): vigil.v1.ClickHouseTableSchemasSnapshot;

            /**
             * Encodes the specified ClickHouseTableSchemasSnapshot message. Does not implicitly {@link vigil.v1.ClickHouseTableSchemasSnapshot.verify|verify} messages.
             * @param m ClickHouseTableSchemasSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseTableSchemasSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseTableSchemasSnapshot message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseTableSchemasSnapshot.verify|verify} messages.
             * @param message ClickHouseTableSchemasSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseTableSchemasSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseTableSchemasSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseTableSchemasSnapshot & vigil.v1.ClickHouseTableSchemasSnapshot.$Shape} ClickHouseTableSchemasSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseTableSchemasSnapshot & vigil.v1.ClickHouseTableSchemasSnapshot.$Shape;

            /**
             * Decodes a ClickHouseTableSchemasSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseTableSchemasSnapshot & vigil.v1.ClickHouseTableSchemasSnapshot.$Shape} ClickHouseTableSchemasSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseTableSchemasSnapshot & vigil.v1.ClickHouseTableSchemasSnapshot.$Shape;

            /**
             * Verifies a ClickHouseTableSchemasSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseTableSchemasSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseTableSchemasSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseTableSchemasSnapshot;

            /**
             * Creates a plain object from a ClickHouseTableSchemasSnapshot message. Also converts values to other types if specified.
             * @param m ClickHouseTableSchemasSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseTableSchemasSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseTableSchemasSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseTableSchemasSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseTableSchemasSnapshot {

            /** Properties of a ClickHouseTableSchemasSnapshot. */
            interface $Properties {

                /** ClickHouseTableSchemasSnapshot tsMs */
                tsMs?: (number|null);

                /** ClickHouseTableSchemasSnapshot tables */
                tables?: (vigil.v1.ClickHouseTableSchema.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseTableSchemasSnapshot. */
            type $Shape = vigil.v1.ClickHouseTableSchemasSnapshot.$Properties;
        }

        /**
         * Properties of a ClickHouseTableSchema.
         * @deprecated Use vigil.v1.ClickHouseTableSchema.$Properties instead.
         */
        interface IClickHouseTableSchema extends vigil.v1.ClickHouseTableSchema.$Properties {
        }

        /** Represents a ClickHouseTableSchema. */
        class ClickHouseTableSchema {

            /**
             * Constructs a new ClickHouseTableSchema.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseTableSchema.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseTableSchema database. */
            database: string;

            /** ClickHouseTableSchema name. */
            name: string;

            /** ClickHouseTableSchema engine. */
            engine: string;

            /** ClickHouseTableSchema partitionKey. */
            partitionKey: string;

            /** ClickHouseTableSchema sortingKey. */
            sortingKey: string;

            /** ClickHouseTableSchema hasTtl. */
            hasTtl: boolean;

            /** ClickHouseTableSchema columns. */
            columns: vigil.v1.ClickHouseColumnSchema.$Properties[];

            /**
             * Creates a new ClickHouseTableSchema instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseTableSchema instance
             */
            static create(properties: vigil.v1.ClickHouseTableSchema.$Shape): vigil.v1.ClickHouseTableSchema & vigil.v1.ClickHouseTableSchema.$Shape;
            static create(properties?: vigil.v1.ClickHouseTableSchema.$Properties): vigil.v1.ClickHouseTableSchema;

            /**
             * Encodes the specified ClickHouseTableSchema message. Does not implicitly {@link vigil.v1.ClickHouseTableSchema.verify|verify} messages.
             * @param m ClickHouseTableSchema message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseTableSchema.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseTableSchema message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseTableSchema.verify|verify} messages.
             * @param message ClickHouseTableSchema message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseTableSchema.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseTableSchema message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseTableSchema & vigil.v1.ClickHouseTableSchema.$Shape} ClickHouseTableSchema
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseTableSchema & vigil.v1.ClickHouseTableSchema.$Shape;

            /**
             * Decodes a ClickHouseTableSchema message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseTableSchema & vigil.v1.ClickHouseTableSchema.$Shape} ClickHouseTableSchema
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseTableSchema & vigil.v1.ClickHouseTableSchema.$Shape;

            /**
             * Verifies a ClickHouseTableSchema message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseTableSchema message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseTableSchema
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseTableSchema;

            /**
             * Creates a plain object from a ClickHouseTableSchema message. Also converts values to other types if specified.
             * @param m ClickHouseTableSchema
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseTableSchema, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseTableSchema to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseTableSchema
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseTableSchema {

            /** Properties of a ClickHouseTableSchema. */
            interface $Properties {

                /** ClickHouseTableSchema database */
                database?: (string|null);

                /** ClickHouseTableSchema name */
                name?: (string|null);

                /** ClickHouseTableSchema engine */
                engine?: (string|null);

                /** ClickHouseTableSchema partitionKey */
                partitionKey?: (string|null);

                /** ClickHouseTableSchema sortingKey */
                sortingKey?: (string|null);

                /** ClickHouseTableSchema hasTtl */
                hasTtl?: (boolean|null);

                /** ClickHouseTableSchema columns */
                columns?: (vigil.v1.ClickHouseColumnSchema.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseTableSchema. */
            type $Shape = vigil.v1.ClickHouseTableSchema.$Properties;
        }

        /**
         * Properties of a ClickHouseColumnSchema.
         * @deprecated Use vigil.v1.ClickHouseColumnSchema.$Properties instead.
         */
        interface IClickHouseColumnSchema extends vigil.v1.ClickHouseColumnSchema.$Properties {
        }

        /** Represents a ClickHouseColumnSchema. */
        class ClickHouseColumnSchema {

            /**
             * Constructs a new ClickHouseColumnSchema.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseColumnSchema.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseColumnSchema name. */
            name: string;

            /** ClickHouseColumnSchema type. */
            type: string;

            /** ClickHouseColumnSchema codec. */
            codec: string;

            /** ClickHouseColumnSchema distinctEstimate. */
            distinctEstimate: number;

            /** ClickHouseColumnSchema sampledRows. */
            sampledRows: number;

            /**
             * Creates a new ClickHouseColumnSchema instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseColumnSchema instance
             */
            static create(properties: vigil.v1.ClickHouseColumnSchema.$Shape): vigil.v1.ClickHouseColumnSchema & vigil.v1.ClickHouseColumnSchema.$Shape;
            static create(properties?: vigil.v1.ClickHouseColumnSchema.$Properties): vigil.v1.ClickHouseColumnSchema;

            /**
             * Encodes the specified ClickHouseColumnSchema message. Does not implicitly {@link vigil.v1.ClickHouseColumnSchema.verify|verify} messages.
             * @param m ClickHouseColumnSchema message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseColumnSchema.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseColumnSchema message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseColumnSchema.verify|verify} messages.
             * @param message ClickHouseColumnSchema message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseColumnSchema.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseColumnSchema message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseColumnSchema & vigil.v1.ClickHouseColumnSchema.$Shape} ClickHouseColumnSchema
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseColumnSchema & vigil.v1.ClickHouseColumnSchema.$Shape;

            /**
             * Decodes a ClickHouseColumnSchema message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseColumnSchema & vigil.v1.ClickHouseColumnSchema.$Shape} ClickHouseColumnSchema
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseColumnSchema & vigil.v1.ClickHouseColumnSchema.$Shape;

            /**
             * Verifies a ClickHouseColumnSchema message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseColumnSchema message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseColumnSchema
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseColumnSchema;

            /**
             * Creates a plain object from a ClickHouseColumnSchema message. Also converts values to other types if specified.
             * @param m ClickHouseColumnSchema
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseColumnSchema, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseColumnSchema to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseColumnSchema
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseColumnSchema {

            /** Properties of a ClickHouseColumnSchema. */
            interface $Properties {

                /** ClickHouseColumnSchema name */
                name?: (string|null);

                /** ClickHouseColumnSchema type */
                type?: (string|null);

                /** ClickHouseColumnSchema codec */
                codec?: (string|null);

                /** ClickHouseColumnSchema distinctEstimate */
                distinctEstimate?: (number|null);

                /** ClickHouseColumnSchema sampledRows */
                sampledRows?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseColumnSchema. */
            type $Shape = vigil.v1.ClickHouseColumnSchema.$Properties;
        }

        /**
         * Properties of a ClickHouseDisksSnapshot.
         * @deprecated Use vigil.v1.ClickHouseDisksSnapshot.$Properties instead.
         */
        interface IClickHouseDisksSnapshot extends vigil.v1.ClickHouseDisksSnapshot.$Properties {
        }

        /** Represents a ClickHouseDisksSnapshot. */
        class ClickHouseDisksSnapshot {

            /**
             * Constructs a new ClickHouseDisksSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseDisksSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseDisksSnapshot tsMs. */
            tsMs: number;

            /** ClickHouseDisksSnapshot disks. */
            disks: vigil.v1.ClickHouseDisk.$Properties[];

            /**
             * Creates a new ClickHouseDisksSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseDisksSnapshot instance
             */
            static create(properties: vigil.v1.ClickHouseDisksSnapshot.$Shape): vigil.v1.ClickHouseDisksSnapshot & vigil.v1.ClickHouseDisksSnapshot.$Shape;
            static create(properties?: vigil.v1.ClickHouseDisksSnapshot.$Properties): vigil.v1.ClickHouseDisksSnapshot;

            /**
             * Encodes the specified ClickHouseDisksSnapshot message. Does not implicitly {@link vigil.v1.ClickHouseDisksSnapshot.verify|verify} messages.
             * @param m ClickHouseDisksSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseDisksSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseDisksSnapshot message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseDisksSnapshot.verify|verify} messages.
             * @param message ClickHouseDisksSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseDisksSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseDisksSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseDisksSnapshot & vigil.v1.ClickHouseDisksSnapshot.$Shape} ClickHouseDisksSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseDisksSnapshot & vigil.v1.ClickHouseDisksSnapshot.$Shape;

            /**
             * Decodes a ClickHouseDisksSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseDisksSnapshot & vigil.v1.ClickHouseDisksSnapshot.$Shape} ClickHouseDisksSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseDisksSnapshot & vigil.v1.ClickHouseDisksSnapshot.$Shape;

            /**
             * Verifies a ClickHouseDisksSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseDisksSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseDisksSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseDisksSnapshot;

            /**
             * Creates a plain object from a ClickHouseDisksSnapshot message. Also converts values to other types if specified.
             * @param m ClickHouseDisksSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseDisksSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseDisksSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseDisksSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseDisksSnapshot {

            /** Properties of a ClickHouseDisksSnapshot. */
            interface $Properties {

                /** ClickHouseDisksSnapshot tsMs */
                tsMs?: (number|null);

                /** ClickHouseDisksSnapshot disks */
                disks?: (vigil.v1.ClickHouseDisk.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseDisksSnapshot. */
            type $Shape = vigil.v1.ClickHouseDisksSnapshot.$Properties;
        }

        /**
         * Properties of a ClickHouseDisk.
         * @deprecated Use vigil.v1.ClickHouseDisk.$Properties instead.
         */
        interface IClickHouseDisk extends vigil.v1.ClickHouseDisk.$Properties {
        }

        /** Represents a ClickHouseDisk. */
        class ClickHouseDisk {

            /**
             * Constructs a new ClickHouseDisk.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseDisk.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseDisk name. */
            name: string;

            /** ClickHouseDisk path. */
            path: string;

            /** ClickHouseDisk type. */
            type: string;

            /** ClickHouseDisk freeBytes. */
            freeBytes: number;

            /** ClickHouseDisk totalBytes. */
            totalBytes: number;

            /** ClickHouseDisk unreservedBytes. */
            unreservedBytes: number;

            /** ClickHouseDisk keepFreeBytes. */
            keepFreeBytes: number;

            /**
             * Creates a new ClickHouseDisk instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseDisk instance
             */
            static create(properties: vigil.v1.ClickHouseDisk.$Shape): vigil.v1.ClickHouseDisk & vigil.v1.ClickHouseDisk.$Shape;
            static create(properties?: vigil.v1.ClickHouseDisk.$Properties): vigil.v1.ClickHouseDisk;

            /**
             * Encodes the specified ClickHouseDisk message. Does not implicitly {@link vigil.v1.ClickHouseDisk.verify|verify} messages.
             * @param m ClickHouseDisk message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseDisk.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseDisk message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseDisk.verify|verify} messages.
             * @param message ClickHouseDisk message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseDisk.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseDisk message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseDisk & vigil.v1.ClickHouseDisk.$Shape} ClickHouseDisk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseDisk & vigil.v1.ClickHouseDisk.$Shape;

            /**
             * Decodes a ClickHouseDisk message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseDisk & vigil.v1.ClickHouseDisk.$Shape} ClickHouseDisk
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseDisk & vigil.v1.ClickHouseDisk.$Shape;

            /**
             * Verifies a ClickHouseDisk message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseDisk message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseDisk
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseDisk;

            /**
             * Creates a plain object from a ClickHouseDisk message. Also converts values to other types if specified.
             * @param m ClickHouseDisk
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseDisk, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseDisk to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseDisk
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseDisk {

            /** Properties of a ClickHouseDisk. */
            interface $Properties {

                /** ClickHouseDisk name */
                name?: (string|null);

                /** ClickHouseDisk path */
                path?: (string|null);

                /** ClickHouseDisk type */
                type?: (string|null);

                /** ClickHouseDisk freeBytes */
                freeBytes?: (number|null);

                /** ClickHouseDisk totalBytes */
                totalBytes?: (number|null);

                /** ClickHouseDisk unreservedBytes */
                unreservedBytes?: (number|null);

                /** ClickHouseDisk keepFreeBytes */
                keepFreeBytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseDisk. */
            type $Shape = vigil.v1.ClickHouseDisk.$Properties;
        }

        /**
         * Properties of a ClickHouseKeeperSnapshot.
         * @deprecated Use vigil.v1.ClickHouseKeeperSnapshot.$Properties instead.
         */
        interface IClickHouseKeeperSnapshot extends vigil.v1.ClickHouseKeeperSnapshot.$Properties {
        }

        /** Represents a ClickHouseKeeperSnapshot. */
        class ClickHouseKeeperSnapshot {

            /**
             * Constructs a new ClickHouseKeeperSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseKeeperSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseKeeperSnapshot tsMs. */
            tsMs: number;

            /** ClickHouseKeeperSnapshot configured. */
            configured: boolean;

            /** ClickHouseKeeperSnapshot sessionOk. */
            sessionOk: boolean;

            /** ClickHouseKeeperSnapshot sessionError. */
            sessionError: string;

            /** ClickHouseKeeperSnapshot rootReadMs. */
            rootReadMs: number;

            /** ClickHouseKeeperSnapshot sessions. */
            sessions: number;

            /** ClickHouseKeeperSnapshot watches. */
            watches: number;

            /** ClickHouseKeeperSnapshot requestsInFlight. */
            requestsInFlight: number;

            /** ClickHouseKeeperSnapshot sessionInits. */
            sessionInits: number;

            /** ClickHouseKeeperSnapshot hardwareExceptions. */
            hardwareExceptions: number;

            /** ClickHouseKeeperSnapshot userExceptions. */
            userExceptions: number;

            /** ClickHouseKeeperSnapshot otherExceptions. */
            otherExceptions: number;

            /** ClickHouseKeeperSnapshot transactions. */
            transactions: number;

            /** ClickHouseKeeperSnapshot waitMicroseconds. */
            waitMicroseconds: number;

            /** ClickHouseKeeperSnapshot hasConnectionTable. */
            hasConnectionTable: boolean;

            /** ClickHouseKeeperSnapshot connectedHost. */
            connectedHost: string;

            /** ClickHouseKeeperSnapshot connectedPort. */
            connectedPort: number;

            /** ClickHouseKeeperSnapshot connectedSinceMs. */
            connectedSinceMs: number;

            /** ClickHouseKeeperSnapshot sessionExpired. */
            sessionExpired: boolean;

            /** ClickHouseKeeperSnapshot nodes. */
            nodes: vigil.v1.ClickHouseKeeperNode.$Properties[];

            /**
             * Creates a new ClickHouseKeeperSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseKeeperSnapshot instance
             */
            static create(properties: vigil.v1.ClickHouseKeeperSnapshot.$Shape): vigil.v1.ClickHouseKeeperSnapshot & vigil.v1.ClickHouseKeeperSnapshot.$Shape;
            static create(properties?: vigil.v1.ClickHouseKeeperSnapshot.$Properties): vigil.v1.ClickHouseKeeperSnapshot;

            /**
             * Encodes the specified ClickHouseKeeperSnapshot message. Does not implicitly {@link vigil.v1.ClickHouseKeeperSnapshot.verify|verify} messages.
             * @param m ClickHouseKeeperSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseKeeperSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseKeeperSnapshot message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseKeeperSnapshot.verify|verify} messages.
             * @param message ClickHouseKeeperSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseKeeperSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseKeeperSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseKeeperSnapshot & vigil.v1.ClickHouseKeeperSnapshot.$Shape} ClickHouseKeeperSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseKeeperSnapshot & vigil.v1.ClickHouseKeeperSnapshot.$Shape;

            /**
             * Decodes a ClickHouseKeeperSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseKeeperSnapshot & vigil.v1.ClickHouseKeeperSnapshot.$Shape} ClickHouseKeeperSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseKeeperSnapshot & vigil.v1.ClickHouseKeeperSnapshot.$Shape;

            /**
             * Verifies a ClickHouseKeeperSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseKeeperSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseKeeperSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseKeeperSnapshot;

            /**
             * Creates a plain object from a ClickHouseKeeperSnapshot message. Also converts values to other types if specified.
             * @param m ClickHouseKeeperSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseKeeperSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseKeeperSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseKeeperSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseKeeperSnapshot {

            /** Properties of a ClickHouseKeeperSnapshot. */
            interface $Properties {

                /** ClickHouseKeeperSnapshot tsMs */
                tsMs?: (number|null);

                /** ClickHouseKeeperSnapshot configured */
                configured?: (boolean|null);

                /** ClickHouseKeeperSnapshot sessionOk */
                sessionOk?: (boolean|null);

                /** ClickHouseKeeperSnapshot sessionError */
                sessionError?: (string|null);

                /** ClickHouseKeeperSnapshot rootReadMs */
                rootReadMs?: (number|null);

                /** ClickHouseKeeperSnapshot sessions */
                sessions?: (number|null);

                /** ClickHouseKeeperSnapshot watches */
                watches?: (number|null);

                /** ClickHouseKeeperSnapshot requestsInFlight */
                requestsInFlight?: (number|null);

                /** ClickHouseKeeperSnapshot sessionInits */
                sessionInits?: (number|null);

                /** ClickHouseKeeperSnapshot hardwareExceptions */
                hardwareExceptions?: (number|null);

                /** ClickHouseKeeperSnapshot userExceptions */
                userExceptions?: (number|null);

                /** ClickHouseKeeperSnapshot otherExceptions */
                otherExceptions?: (number|null);

                /** ClickHouseKeeperSnapshot transactions */
                transactions?: (number|null);

                /** ClickHouseKeeperSnapshot waitMicroseconds */
                waitMicroseconds?: (number|null);

                /** ClickHouseKeeperSnapshot hasConnectionTable */
                hasConnectionTable?: (boolean|null);

                /** ClickHouseKeeperSnapshot connectedHost */
                connectedHost?: (string|null);

                /** ClickHouseKeeperSnapshot connectedPort */
                connectedPort?: (number|null);

                /** ClickHouseKeeperSnapshot connectedSinceMs */
                connectedSinceMs?: (number|null);

                /** ClickHouseKeeperSnapshot sessionExpired */
                sessionExpired?: (boolean|null);

                /** ClickHouseKeeperSnapshot nodes */
                nodes?: (vigil.v1.ClickHouseKeeperNode.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseKeeperSnapshot. */
            type $Shape = vigil.v1.ClickHouseKeeperSnapshot.$Properties;
        }

        /**
         * Properties of a ClickHouseKeeperNode.
         * @deprecated Use vigil.v1.ClickHouseKeeperNode.$Properties instead.
         */
        interface IClickHouseKeeperNode extends vigil.v1.ClickHouseKeeperNode.$Properties {
        }

        /** Represents a ClickHouseKeeperNode. */
        class ClickHouseKeeperNode {

            /**
             * Constructs a new ClickHouseKeeperNode.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseKeeperNode.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseKeeperNode host. */
            host: string;

            /** ClickHouseKeeperNode port. */
            port: number;

            /** ClickHouseKeeperNode reachable. */
            reachable: boolean;

            /** ClickHouseKeeperNode connectMs. */
            connectMs: number;

            /** ClickHouseKeeperNode error. */
            error: string;

            /** ClickHouseKeeperNode connected. */
            connected: boolean;

            /**
             * Creates a new ClickHouseKeeperNode instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseKeeperNode instance
             */
            static create(properties: vigil.v1.ClickHouseKeeperNode.$Shape): vigil.v1.ClickHouseKeeperNode & vigil.v1.ClickHouseKeeperNode.$Shape;
            static create(properties?: vigil.v1.ClickHouseKeeperNode.$Properties): vigil.v1.ClickHouseKeeperNode;

            /**
             * Encodes the specified ClickHouseKeeperNode message. Does not implicitly {@link vigil.v1.ClickHouseKeeperNode.verify|verify} messages.
             * @param m ClickHouseKeeperNode message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseKeeperNode.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseKeeperNode message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseKeeperNode.verify|verify} messages.
             * @param message ClickHouseKeeperNode message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseKeeperNode.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseKeeperNode message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseKeeperNode & vigil.v1.ClickHouseKeeperNode.$Shape} ClickHouseKeeperNode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseKeeperNode & vigil.v1.ClickHouseKeeperNode.$Shape;

            /**
             * Decodes a ClickHouseKeeperNode message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseKeeperNode & vigil.v1.ClickHouseKeeperNode.$Shape} ClickHouseKeeperNode
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseKeeperNode & vigil.v1.ClickHouseKeeperNode.$Shape;

            /**
             * Verifies a ClickHouseKeeperNode message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseKeeperNode message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseKeeperNode
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseKeeperNode;

            /**
             * Creates a plain object from a ClickHouseKeeperNode message. Also converts values to other types if specified.
             * @param m ClickHouseKeeperNode
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseKeeperNode, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseKeeperNode to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseKeeperNode
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseKeeperNode {

            /** Properties of a ClickHouseKeeperNode. */
            interface $Properties {

                /** ClickHouseKeeperNode host */
                host?: (string|null);

                /** ClickHouseKeeperNode port */
                port?: (number|null);

                /** ClickHouseKeeperNode reachable */
                reachable?: (boolean|null);

                /** ClickHouseKeeperNode connectMs */
                connectMs?: (number|null);

                /** ClickHouseKeeperNode error */
                error?: (string|null);

                /** ClickHouseKeeperNode connected */
                connected?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseKeeperNode. */
            type $Shape = vigil.v1.ClickHouseKeeperNode.$Properties;
        }

        /**
         * Properties of a ClickHouseErrorsSnapshot.
         * @deprecated Use vigil.v1.ClickHouseErrorsSnapshot.$Properties instead.
         */
        interface IClickHouseErrorsSnapshot extends vigil.v1.ClickHouseErrorsSnapshot.$Properties {
        }

        /** Represents a ClickHouseErrorsSnapshot. */
        class ClickHouseErrorsSnapshot {

            /**
             * Constructs a new ClickHouseErrorsSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseErrorsSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseErrorsSnapshot tsMs. */
            tsMs: number;

            /** ClickHouseErrorsSnapshot windowStartMs. */
            windowStartMs: number;

            /** ClickHouseErrorsSnapshot errors. */
            errors: vigil.v1.ClickHouseErrorStat.$Properties[];

            /**
             * Creates a new ClickHouseErrorsSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseErrorsSnapshot instance
             */
            static create(properties: vigil.v1.ClickHouseErrorsSnapshot.$Shape): vigil.v1.ClickHouseErrorsSnapshot & vigil.v1.ClickHouseErrorsSnapshot.$Shape;
            static create(properties?: vigil.v1.ClickHouseErrorsSnapshot.$Properties): vigil.v1.ClickHouseErrorsSnapshot;

            /**
             * Encodes the specified ClickHouseErrorsSnapshot message. Does not implicitly {@link vigil.v1.ClickHouseErrorsSnapshot.verify|verify} messages.
             * @param m ClickHouseErrorsSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseErrorsSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseErrorsSnapshot message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseErrorsSnapshot.verify|verify} messages.
             * @param message ClickHouseErrorsSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseErrorsSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseErrorsSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseErrorsSnapshot & vigil.v1.ClickHouseErrorsSnapshot.$Shape} ClickHouseErrorsSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseErrorsSnapshot & vigil.v1.ClickHouseErrorsSnapshot.$Shape;

            /**
             * Decodes a ClickHouseErrorsSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseErrorsSnapshot & vigil.v1.ClickHouseErrorsSnapshot.$Shape} ClickHouseErrorsSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseErrorsSnapshot & vigil.v1.ClickHouseErrorsSnapshot.$Shape;

            /**
             * Verifies a ClickHouseErrorsSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseErrorsSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseErrorsSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseErrorsSnapshot;

            /**
             * Creates a plain object from a ClickHouseErrorsSnapshot message. Also converts values to other types if specified.
             * @param m ClickHouseErrorsSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseErrorsSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseErrorsSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseErrorsSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseErrorsSnapshot {

            /** Properties of a ClickHouseErrorsSnapshot. */
            interface $Properties {

                /** ClickHouseErrorsSnapshot tsMs */
                tsMs?: (number|null);

                /** ClickHouseErrorsSnapshot windowStartMs */
                windowStartMs?: (number|null);

                /** ClickHouseErrorsSnapshot errors */
                errors?: (vigil.v1.ClickHouseErrorStat.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseErrorsSnapshot. */
            type $Shape = vigil.v1.ClickHouseErrorsSnapshot.$Properties;
        }

        /**
         * Properties of a ClickHouseErrorStat.
         * @deprecated Use vigil.v1.ClickHouseErrorStat.$Properties instead.
         */
        interface IClickHouseErrorStat extends vigil.v1.ClickHouseErrorStat.$Properties {
        }

        /** Represents a ClickHouseErrorStat. */
        class ClickHouseErrorStat {

            /**
             * Constructs a new ClickHouseErrorStat.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseErrorStat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseErrorStat name. */
            name: string;

            /** ClickHouseErrorStat code. */
            code: number;

            /** ClickHouseErrorStat remote. */
            remote: boolean;

            /** ClickHouseErrorStat count. */
            count: number;

            /** ClickHouseErrorStat lastErrorTimeMs. */
            lastErrorTimeMs: number;

            /** ClickHouseErrorStat lastErrorMessage. */
            lastErrorMessage: string;

            /**
             * Creates a new ClickHouseErrorStat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseErrorStat instance
             */
            static create(properties: vigil.v1.ClickHouseErrorStat.$Shape): vigil.v1.ClickHouseErrorStat & vigil.v1.ClickHouseErrorStat.$Shape;
            static create(properties?: vigil.v1.ClickHouseErrorStat.$Properties): vigil.v1.ClickHouseErrorStat;

            /**
             * Encodes the specified ClickHouseErrorStat message. Does not implicitly {@link vigil.v1.ClickHouseErrorStat.verify|verify} messages.
             * @param m ClickHouseErrorStat message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseErrorStat.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseErrorStat message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseErrorStat.verify|verify} messages.
             * @param message ClickHouseErrorStat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseErrorStat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseErrorStat message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseErrorStat & vigil.v1.ClickHouseErrorStat.$Shape} ClickHouseErrorStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseErrorStat & vigil.v1.ClickHouseErrorStat.$Shape;

            /**
             * Decodes a ClickHouseErrorStat message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseErrorStat & vigil.v1.ClickHouseErrorStat.$Shape} ClickHouseErrorStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseErrorStat & vigil.v1.ClickHouseErrorStat.$Shape;

            /**
             * Verifies a ClickHouseErrorStat message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseErrorStat message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseErrorStat
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseErrorStat;

            /**
             * Creates a plain object from a ClickHouseErrorStat message. Also converts values to other types if specified.
             * @param m ClickHouseErrorStat
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseErrorStat, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseErrorStat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseErrorStat
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseErrorStat {

            /** Properties of a ClickHouseErrorStat. */
            interface $Properties {

                /** ClickHouseErrorStat name */
                name?: (string|null);

                /** ClickHouseErrorStat code */
                code?: (number|null);

                /** ClickHouseErrorStat remote */
                remote?: (boolean|null);

                /** ClickHouseErrorStat count */
                count?: (number|null);

                /** ClickHouseErrorStat lastErrorTimeMs */
                lastErrorTimeMs?: (number|null);

                /** ClickHouseErrorStat lastErrorMessage */
                lastErrorMessage?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseErrorStat. */
            type $Shape = vigil.v1.ClickHouseErrorStat.$Properties;
        }

        /**
         * Properties of a ClickHouseServerSnapshot.
         * @deprecated Use vigil.v1.ClickHouseServerSnapshot.$Properties instead.
         */
        interface IClickHouseServerSnapshot extends vigil.v1.ClickHouseServerSnapshot.$Properties {
        }

        /** Represents a ClickHouseServerSnapshot. */
        class ClickHouseServerSnapshot {

            /**
             * Constructs a new ClickHouseServerSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseServerSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseServerSnapshot tsMs. */
            tsMs: number;

            /** ClickHouseServerSnapshot windowStartMs. */
            windowStartMs: number;

            /** ClickHouseServerSnapshot uptimeS. */
            uptimeS: number;

            /** ClickHouseServerSnapshot queriesRunning. */
            queriesRunning: number;

            /** ClickHouseServerSnapshot mergesRunning. */
            mergesRunning: number;

            /** ClickHouseServerSnapshot tcpConnections. */
            tcpConnections: number;

            /** ClickHouseServerSnapshot httpConnections. */
            httpConnections: number;

            /** ClickHouseServerSnapshot interserverConnections. */
            interserverConnections: number;

            /** ClickHouseServerSnapshot memoryTrackingBytes. */
            memoryTrackingBytes: number;

            /** ClickHouseServerSnapshot memoryResidentBytes. */
            memoryResidentBytes: number;

            /** ClickHouseServerSnapshot readonlyReplicas. */
            readonlyReplicas: number;

            /** ClickHouseServerSnapshot maxPartsInPartition. */
            maxPartsInPartition: number;

            /** ClickHouseServerSnapshot hasDeltas. */
            hasDeltas: boolean;

            /** ClickHouseServerSnapshot queries. */
            queries: number;

            /** ClickHouseServerSnapshot selectQueries. */
            selectQueries: number;

            /** ClickHouseServerSnapshot insertQueries. */
            insertQueries: number;

            /** ClickHouseServerSnapshot failedQueries. */
            failedQueries: number;

            /** ClickHouseServerSnapshot failedSelectQueries. */
            failedSelectQueries: number;

            /** ClickHouseServerSnapshot failedInsertQueries. */
            failedInsertQueries: number;

            /** ClickHouseServerSnapshot insertedRows. */
            insertedRows: number;

            /** ClickHouseServerSnapshot insertedBytes. */
            insertedBytes: number;

            /** ClickHouseServerSnapshot delayedInserts. */
            delayedInserts: number;

            /** ClickHouseServerSnapshot rejectedInserts. */
            rejectedInserts: number;

            /** ClickHouseServerSnapshot memoryLimitBytes. */
            memoryLimitBytes: number;

            /**
             * Creates a new ClickHouseServerSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseServerSnapshot instance
             */
            static create(properties: vigil.v1.ClickHouseServerSnapshot.$Shape): vigil.v1.ClickHouseServerSnapshot & vigil.v1.ClickHouseServerSnapshot.$Shape;
            static create(properties?: vigil.v1.ClickHouseServerSnapshot.$Properties): vigil.v1.ClickHouseServerSnapshot;

            /**
             * Encodes the specified ClickHouseServerSnapshot message. Does not implicitly {@link vigil.v1.ClickHouseServerSnapshot.verify|verify} messages.
             * @param m ClickHouseServerSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseServerSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseServerSnapshot message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseServerSnapshot.verify|verify} messages.
             * @param message ClickHouseServerSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseServerSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseServerSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseServerSnapshot & vigil.v1.ClickHouseServerSnapshot.$Shape} ClickHouseServerSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseServerSnapshot & vigil.v1.ClickHouseServerSnapshot.$Shape;

            /**
             * Decodes a ClickHouseServerSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseServerSnapshot & vigil.v1.ClickHouseServerSnapshot.$Shape} ClickHouseServerSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseServerSnapshot & vigil.v1.ClickHouseServerSnapshot.$Shape;

            /**
             * Verifies a ClickHouseServerSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseServerSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseServerSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseServerSnapshot;

            /**
             * Creates a plain object from a ClickHouseServerSnapshot message. Also converts values to other types if specified.
             * @param m ClickHouseServerSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseServerSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseServerSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseServerSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseServerSnapshot {

            /** Properties of a ClickHouseServerSnapshot. */
            interface $Properties {

                /** ClickHouseServerSnapshot tsMs */
                tsMs?: (number|null);

                /** ClickHouseServerSnapshot windowStartMs */
                windowStartMs?: (number|null);

                /** ClickHouseServerSnapshot uptimeS */
                uptimeS?: (number|null);

                /** ClickHouseServerSnapshot queriesRunning */
                queriesRunning?: (number|null);

                /** ClickHouseServerSnapshot mergesRunning */
                mergesRunning?: (number|null);

                /** ClickHouseServerSnapshot tcpConnections */
                tcpConnections?: (number|null);

                /** ClickHouseServerSnapshot httpConnections */
                httpConnections?: (number|null);

                /** ClickHouseServerSnapshot interserverConnections */
                interserverConnections?: (number|null);

                /** ClickHouseServerSnapshot memoryTrackingBytes */
                memoryTrackingBytes?: (number|null);

                /** ClickHouseServerSnapshot memoryResidentBytes */
                memoryResidentBytes?: (number|null);

                /** ClickHouseServerSnapshot readonlyReplicas */
                readonlyReplicas?: (number|null);

                /** ClickHouseServerSnapshot maxPartsInPartition */
                maxPartsInPartition?: (number|null);

                /** ClickHouseServerSnapshot hasDeltas */
                hasDeltas?: (boolean|null);

                /** ClickHouseServerSnapshot queries */
                queries?: (number|null);

                /** ClickHouseServerSnapshot selectQueries */
                selectQueries?: (number|null);

                /** ClickHouseServerSnapshot insertQueries */
                insertQueries?: (number|null);

                /** ClickHouseServerSnapshot failedQueries */
                failedQueries?: (number|null);

                /** ClickHouseServerSnapshot failedSelectQueries */
                failedSelectQueries?: (number|null);

                /** ClickHouseServerSnapshot failedInsertQueries */
                failedInsertQueries?: (number|null);

                /** ClickHouseServerSnapshot insertedRows */
                insertedRows?: (number|null);

                /** ClickHouseServerSnapshot insertedBytes */
                insertedBytes?: (number|null);

                /** ClickHouseServerSnapshot delayedInserts */
                delayedInserts?: (number|null);

                /** ClickHouseServerSnapshot rejectedInserts */
                rejectedInserts?: (number|null);

                /** ClickHouseServerSnapshot memoryLimitBytes */
                memoryLimitBytes?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseServerSnapshot. */
            type $Shape = vigil.v1.ClickHouseServerSnapshot.$Properties;
        }

        /**
         * Properties of a ClickHouseProcessesSnapshot.
         * @deprecated Use vigil.v1.ClickHouseProcessesSnapshot.$Properties instead.
         */
        interface IClickHouseProcessesSnapshot extends vigil.v1.ClickHouseProcessesSnapshot.$Properties {
        }

        /** Represents a ClickHouseProcessesSnapshot. */
        class ClickHouseProcessesSnapshot {

            /**
             * Constructs a new ClickHouseProcessesSnapshot.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseProcessesSnapshot.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseProcessesSnapshot tsMs. */
            tsMs: number;

            /** ClickHouseProcessesSnapshot queries. */
            queries: vigil.v1.ClickHouseRunningQuery.$Properties[];

            /** ClickHouseProcessesSnapshot queriesOmitted. */
            queriesOmitted: number;

            /**
             * Creates a new ClickHouseProcessesSnapshot instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseProcessesSnapshot instance
             */
            static create(properties: vigil.v1.ClickHouseProcessesSnapshot.$Shape): vigil.v1.ClickHouseProcessesSnapshot & vigil.v1.ClickHouseProcessesSnapshot.$Shape;
            static create(properties?: vigil.v1.ClickHouseProcessesSnapshot.$Properties): vigil.v1.ClickHouseProcessesSnapshot;

            /**
             * Encodes the specified ClickHouseProcessesSnapshot message. Does not implicitly {@link vigil.v1.ClickHouseProcessesSnapshot.verify|verify} messages.
             * @param m ClickHouseProcessesSnapshot message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseProcessesSnapshot.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseProcessesSnapshot message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseProcessesSnapshot.verify|verify} messages.
             * @param message ClickHouseProcessesSnapshot message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseProcessesSnapshot.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseProcessesSnapshot message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseProcessesSnapshot & vigil.v1.ClickHouseProcessesSnapshot.$Shape} ClickHouseProcessesSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseProcessesSnapshot & vigil.v1.ClickHouseProcessesSnapshot.$Shape;

            /**
             * Decodes a ClickHouseProcessesSnapshot message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseProcessesSnapshot & vigil.v1.ClickHouseProcessesSnapshot.$Shape} ClickHouseProcessesSnapshot
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseProcessesSnapshot & vigil.v1.ClickHouseProcessesSnapshot.$Shape;

            /**
             * Verifies a ClickHouseProcessesSnapshot message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseProcessesSnapshot message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseProcessesSnapshot
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseProcessesSnapshot;

            /**
             * Creates a plain object from a ClickHouseProcessesSnapshot message. Also converts values to other types if specified.
             * @param m ClickHouseProcessesSnapshot
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseProcessesSnapshot, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseProcessesSnapshot to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseProcessesSnapshot
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseProcessesSnapshot {

            /** Properties of a ClickHouseProcessesSnapshot. */
            interface $Properties {

                /** ClickHouseProcessesSnapshot tsMs */
                tsMs?: (number|null);

                /** ClickHouseProcessesSnapshot queries */
                queries?: (vigil.v1.ClickHouseRunningQuery.$Properties[]|null);

                /** ClickHouseProcessesSnapshot queriesOmitted */
                queriesOmitted?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseProcessesSnapshot. */
            type $Shape = vigil.v1.ClickHouseProcessesSnapshot.$Properties;
        }

        /**
         * Properties of a ClickHouseRunningQuery.
         * @deprecated Use vigil.v1.ClickHouseRunningQuery.$Properties instead.
         */
        interface IClickHouseRunningQuery extends vigil.v1.ClickHouseRunningQuery.$Properties {
        }

        /** Represents a ClickHouseRunningQuery. */
        class ClickHouseRunningQuery {

            /**
             * Constructs a new ClickHouseRunningQuery.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ClickHouseRunningQuery.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ClickHouseRunningQuery queryId. */
            queryId: string;

            /** ClickHouseRunningQuery user. */
            user: string;

            /** ClickHouseRunningQuery isInitialQuery. */
            isInitialQuery: boolean;

            /** ClickHouseRunningQuery queryHash. */
            queryHash: string;

            /** ClickHouseRunningQuery hashSource. */
            hashSource: vigil.v1.ClickHouseQueryHashSource;

            /** ClickHouseRunningQuery queryText. */
            queryText: string;

            /** ClickHouseRunningQuery elapsedS. */
            elapsedS: number;

            /** ClickHouseRunningQuery memoryBytes. */
            memoryBytes: number;

            /** ClickHouseRunningQuery peakMemoryBytes. */
            peakMemoryBytes: number;

            /** ClickHouseRunningQuery readRows. */
            readRows: number;

            /** ClickHouseRunningQuery readBytes. */
            readBytes: number;

            /** ClickHouseRunningQuery writtenRows. */
            writtenRows: number;

            /** ClickHouseRunningQuery writtenBytes. */
            writtenBytes: number;

            /** ClickHouseRunningQuery totalRowsApprox. */
            totalRowsApprox: number;

            /**
             * Creates a new ClickHouseRunningQuery instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ClickHouseRunningQuery instance
             */
            static create(properties: vigil.v1.ClickHouseRunningQuery.$Shape): vigil.v1.ClickHouseRunningQuery & vigil.v1.ClickHouseRunningQuery.$Shape;
            static create(properties?: vigil.v1.ClickHouseRunningQuery.$Properties): vigil.v1.ClickHouseRunningQuery;

            /**
             * Encodes the specified ClickHouseRunningQuery message. Does not implicitly {@link vigil.v1.ClickHouseRunningQuery.verify|verify} messages.
             * @param m ClickHouseRunningQuery message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ClickHouseRunningQuery.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ClickHouseRunningQuery message, length delimited. Does not implicitly {@link vigil.v1.ClickHouseRunningQuery.verify|verify} messages.
             * @param message ClickHouseRunningQuery message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ClickHouseRunningQuery.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ClickHouseRunningQuery message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ClickHouseRunningQuery & vigil.v1.ClickHouseRunningQuery.$Shape} ClickHouseRunningQuery
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ClickHouseRunningQuery & vigil.v1.ClickHouseRunningQuery.$Shape;

            /**
             * Decodes a ClickHouseRunningQuery message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ClickHouseRunningQuery & vigil.v1.ClickHouseRunningQuery.$Shape} ClickHouseRunningQuery
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ClickHouseRunningQuery & vigil.v1.ClickHouseRunningQuery.$Shape;

            /**
             * Verifies a ClickHouseRunningQuery message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ClickHouseRunningQuery message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ClickHouseRunningQuery
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ClickHouseRunningQuery;

            /**
             * Creates a plain object from a ClickHouseRunningQuery message. Also converts values to other types if specified.
             * @param m ClickHouseRunningQuery
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ClickHouseRunningQuery, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ClickHouseRunningQuery to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ClickHouseRunningQuery
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ClickHouseRunningQuery {

            /** Properties of a ClickHouseRunningQuery. */
            interface $Properties {

                /** ClickHouseRunningQuery queryId */
                queryId?: (string|null);

                /** ClickHouseRunningQuery user */
                user?: (string|null);

                /** ClickHouseRunningQuery isInitialQuery */
                isInitialQuery?: (boolean|null);

                /** ClickHouseRunningQuery queryHash */
                queryHash?: (string|null);

                /** ClickHouseRunningQuery hashSource */
                hashSource?: (vigil.v1.ClickHouseQueryHashSource|null);

                /** ClickHouseRunningQuery queryText */
                queryText?: (string|null);

                /** ClickHouseRunningQuery elapsedS */
                elapsedS?: (number|null);

                /** ClickHouseRunningQuery memoryBytes */
                memoryBytes?: (number|null);

                /** ClickHouseRunningQuery peakMemoryBytes */
                peakMemoryBytes?: (number|null);

                /** ClickHouseRunningQuery readRows */
                readRows?: (number|null);

                /** ClickHouseRunningQuery readBytes */
                readBytes?: (number|null);

                /** ClickHouseRunningQuery writtenRows */
                writtenRows?: (number|null);

                /** ClickHouseRunningQuery writtenBytes */
                writtenBytes?: (number|null);

                /** ClickHouseRunningQuery totalRowsApprox */
                totalRowsApprox?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a ClickHouseRunningQuery. */
            type $Shape = vigil.v1.ClickHouseRunningQuery.$Properties;
        }

        /**
         * Properties of a Heartbeat.
         * @deprecated Use vigil.v1.Heartbeat.$Properties instead.
         */
        interface IHeartbeat extends vigil.v1.Heartbeat.$Properties {
        }

        /** Represents a Heartbeat. */
        class Heartbeat {

            /**
             * Constructs a new Heartbeat.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.Heartbeat.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Heartbeat sentAtMs. */
            sentAtMs: number;

            /** Heartbeat pendingBatches. */
            pendingBatches: number;

            /** Heartbeat droppedBatches. */
            droppedBatches: number;

            /** Heartbeat agentVersion. */
            agentVersion: string;

            /** Heartbeat uptimeS. */
            uptimeS: number;

            /** Heartbeat rssBytes. */
            rssBytes: number;

            /** Heartbeat cpuPercent. */
            cpuPercent: number;

            /** Heartbeat spoolBytes. */
            spoolBytes: number;

            /** Heartbeat collectors. */
            collectors: vigil.v1.CollectorHealth.$Properties[];

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Heartbeat instance
             */
            static create(properties: vigil.v1.Heartbeat.$Shape): vigil.v1.Heartbeat & vigil.v1.Heartbeat.$Shape;
            static create(properties?: vigil.v1.Heartbeat.$Properties): vigil.v1.Heartbeat;

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link vigil.v1.Heartbeat.verify|verify} messages.
             * @param m Heartbeat message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.Heartbeat.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Heartbeat message, length delimited. Does not implicitly {@link vigil.v1.Heartbeat.verify|verify} messages.
             * @param message Heartbeat message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.Heartbeat.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.Heartbeat & vigil.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.Heartbeat & vigil.v1.Heartbeat.$Shape;

            /**
             * Decodes a Heartbeat message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.Heartbeat & vigil.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.Heartbeat & vigil.v1.Heartbeat.$Shape;

            /**
             * Verifies a Heartbeat message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Heartbeat
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.Heartbeat;

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @param m Heartbeat
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.Heartbeat, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Heartbeat to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Heartbeat
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Heartbeat {

            /** Properties of a Heartbeat. */
            interface $Properties {

                /** Heartbeat sentAtMs */
                sentAtMs?: (number|null);

                /** Heartbeat pendingBatches */
                pendingBatches?: (number|null);

                /** Heartbeat droppedBatches */
                droppedBatches?: (number|null);

                /** Heartbeat agentVersion */
                agentVersion?: (string|null);

                /** Heartbeat uptimeS */
                uptimeS?: (number|null);

                /** Heartbeat rssBytes */
                rssBytes?: (number|null);

                /** Heartbeat cpuPercent */
                cpuPercent?: (number|null);

                /** Heartbeat spoolBytes */
                spoolBytes?: (number|null);

                /** Heartbeat collectors */
                collectors?: (vigil.v1.CollectorHealth.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Heartbeat. */
            type $Shape = vigil.v1.Heartbeat.$Properties;
        }

        /**
         * Properties of a CollectorHealth.
         * @deprecated Use vigil.v1.CollectorHealth.$Properties instead.
         */
        interface ICollectorHealth extends vigil.v1.CollectorHealth.$Properties {
        }

        /** Represents a CollectorHealth. */
        class CollectorHealth {

            /**
             * Constructs a new CollectorHealth.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.CollectorHealth.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CollectorHealth database. */
            database: string;

            /** CollectorHealth collector. */
            collector: string;

            /** CollectorHealth lastSuccessMs. */
            lastSuccessMs: number;

            /** CollectorHealth lastErrorMs. */
            lastErrorMs: number;

            /** CollectorHealth lastError. */
            lastError: string;

            /** CollectorHealth statuses. */
            statuses: string[];

            /** CollectorHealth disabled. */
            disabled: boolean;

            /** CollectorHealth intervalS. */
            intervalS: number;

            /**
             * Creates a new CollectorHealth instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CollectorHealth instance
             */
            static create(properties: vigil.v1.CollectorHealth.$Shape): vigil.v1.CollectorHealth & vigil.v1.CollectorHealth.$Shape;
            static create(properties?: vigil.v1.CollectorHealth.$Properties): vigil.v1.CollectorHealth;

            /**
             * Encodes the specified CollectorHealth message. Does not implicitly {@link vigil.v1.CollectorHealth.verify|verify} messages.
             * @param m CollectorHealth message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.CollectorHealth.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CollectorHealth message, length delimited. Does not implicitly {@link vigil.v1.CollectorHealth.verify|verify} messages.
             * @param message CollectorHealth message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.CollectorHealth.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CollectorHealth message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.CollectorHealth & vigil.v1.CollectorHealth.$Shape} CollectorHealth
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.CollectorHealth & vigil.v1.CollectorHealth.$Shape;

            /**
             * Decodes a CollectorHealth message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.CollectorHealth & vigil.v1.CollectorHealth.$Shape} CollectorHealth
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.CollectorHealth & vigil.v1.CollectorHealth.$Shape;

            /**
             * Verifies a CollectorHealth message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a CollectorHealth message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns CollectorHealth
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.CollectorHealth;

            /**
             * Creates a plain object from a CollectorHealth message. Also converts values to other types if specified.
             * @param m CollectorHealth
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.CollectorHealth, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CollectorHealth to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for CollectorHealth
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CollectorHealth {

            /** Properties of a CollectorHealth. */
            interface $Properties {

                /** CollectorHealth database */
                database?: (string|null);

                /** CollectorHealth collector */
                collector?: (string|null);

                /** CollectorHealth lastSuccessMs */
                lastSuccessMs?: (number|null);

                /** CollectorHealth lastErrorMs */
                lastErrorMs?: (number|null);

                /** CollectorHealth lastError */
                lastError?: (string|null);

                /** CollectorHealth statuses */
                statuses?: (string[]|null);

                /** CollectorHealth disabled */
                disabled?: (boolean|null);

                /** CollectorHealth intervalS */
                intervalS?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CollectorHealth. */
            type $Shape = vigil.v1.CollectorHealth.$Properties;
        }

        /**
         * Properties of a CommandResult.
         * @deprecated Use vigil.v1.CommandResult.$Properties instead.
         */
        interface ICommandResult extends vigil.v1.CommandResult.$Properties {
        }

        /** Represents a CommandResult. */
        class CommandResult {

            /**
             * Constructs a new CommandResult.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.CommandResult.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** CommandResult requestId. */
            requestId: string;

            /** CommandResult ok. */
            ok: boolean;

            /** CommandResult resultJson. */
            resultJson: string;

            /** CommandResult error. */
            error: string;

            /** CommandResult errorCode. */
            errorCode: string;

            /**
             * Creates a new CommandResult instance using the specified properties.
             * @param [properties] Properties to set
             * @returns CommandResult instance
             */
            static create(properties: vigil.v1.CommandResult.$Shape): vigil.v1.CommandResult & vigil.v1.CommandResult.$Shape;
            static create(properties?: vigil.v1.CommandResult.$Properties): vigil.v1.CommandResult;

            /**
             * Encodes the specified CommandResult message. Does not implicitly {@link vigil.v1.CommandResult.verify|verify} messages.
             * @param m CommandResult message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.CommandResult.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified CommandResult message, length delimited. Does not implicitly {@link vigil.v1.CommandResult.verify|verify} messages.
             * @param message CommandResult message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.CommandResult.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a CommandResult message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.CommandResult & vigil.v1.CommandResult.$Shape} CommandResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.CommandResult & vigil.v1.CommandResult.$Shape;

            /**
             * Decodes a CommandResult message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.CommandResult & vigil.v1.CommandResult.$Shape} CommandResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.CommandResult & vigil.v1.CommandResult.$Shape;

            /**
             * Verifies a CommandResult message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a CommandResult message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns CommandResult
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.CommandResult;

            /**
             * Creates a plain object from a CommandResult message. Also converts values to other types if specified.
             * @param m CommandResult
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.CommandResult, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this CommandResult to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for CommandResult
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace CommandResult {

            /** Properties of a CommandResult. */
            interface $Properties {

                /** CommandResult requestId */
                requestId?: (string|null);

                /** CommandResult ok */
                ok?: (boolean|null);

                /** CommandResult resultJson */
                resultJson?: (string|null);

                /** CommandResult error */
                error?: (string|null);

                /** CommandResult errorCode */
                errorCode?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a CommandResult. */
            type $Shape = vigil.v1.CommandResult.$Properties;
        }

        /**
         * Properties of a ServerMessage.
         * @deprecated Use vigil.v1.ServerMessage.$Properties instead.
         */
        interface IServerMessage extends vigil.v1.ServerMessage.$Properties {
        }

        /** Represents a ServerMessage. */
        class ServerMessage {

            /**
             * Constructs a new ServerMessage.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.ServerMessage.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** ServerMessage welcome. */
            welcome?: (vigil.v1.Welcome.$Properties|null);

            /** ServerMessage ack. */
            ack?: (vigil.v1.Ack.$Properties|null);

            /** ServerMessage command. */
            command?: (vigil.v1.Command.$Properties|null);

            /** ServerMessage error. */
            error?: (vigil.v1.Error.$Properties|null);

            /** ServerMessage settingsUpdate. */
            settingsUpdate?: (vigil.v1.SettingsUpdate.$Properties|null);

            /** ServerMessage kind. */
            kind?: ("welcome"|"ack"|"command"|"error"|"settingsUpdate");

            /**
             * Creates a new ServerMessage instance using the specified properties.
             * @param [properties] Properties to set
             * @returns ServerMessage instance
             */
            static create(properties: vigil.v1.ServerMessage.$Shape): vigil.v1.ServerMessage & vigil.v1.ServerMessage.$Shape;
            static create(properties?: vigil.v1.ServerMessage.$Properties): vigil.v1.ServerMessage;

            /**
             * Encodes the specified ServerMessage message. Does not implicitly {@link vigil.v1.ServerMessage.verify|verify} messages.
             * @param m ServerMessage message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.ServerMessage.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified ServerMessage message, length delimited. Does not implicitly {@link vigil.v1.ServerMessage.verify|verify} messages.
             * @param message ServerMessage message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.ServerMessage.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a ServerMessage message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.ServerMessage & vigil.v1.ServerMessage.$Shape} ServerMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.ServerMessage & vigil.v1.ServerMessage.$Shape;

            /**
             * Decodes a ServerMessage message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.ServerMessage & vigil.v1.ServerMessage.$Shape} ServerMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.ServerMessage & vigil.v1.ServerMessage.$Shape;

            /**
             * Verifies a ServerMessage message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a ServerMessage message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns ServerMessage
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.ServerMessage;

            /**
             * Creates a plain object from a ServerMessage message. Also converts values to other types if specified.
             * @param m ServerMessage
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.ServerMessage, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this ServerMessage to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for ServerMessage
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace ServerMessage {

            /** Properties of a ServerMessage. */
            interface $Properties {

                /** ServerMessage welcome */
                welcome?: (vigil.v1.Welcome.$Properties|null);

                /** ServerMessage ack */
                ack?: (vigil.v1.Ack.$Properties|null);

                /** ServerMessage command */
                command?: (vigil.v1.Command.$Properties|null);

                /** ServerMessage error */
                error?: (vigil.v1.Error.$Properties|null);

                /** ServerMessage settingsUpdate */
                settingsUpdate?: (vigil.v1.SettingsUpdate.$Properties|null);

                /** ServerMessage kind */
                kind?: ("welcome"|"ack"|"command"|"error"|"settingsUpdate");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a ServerMessage. */
            type $Shape = {
              welcome?: vigil.v1.Welcome.$Shape|null;
              ack?: vigil.v1.Ack.$Shape|null;
              command?: vigil.v1.Command.$Shape|null;
              error?: vigil.v1.Error.$Shape|null;
              settingsUpdate?: vigil.v1.SettingsUpdate.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; welcome?: null; ack?: null; command?: null; error?: null; settingsUpdate?: null }|{ kind?: "welcome"; welcome: vigil.v1.Welcome.$Shape; ack?: null; command?: null; error?: null; settingsUpdate?: null }|{ kind?: "ack"; welcome?: null; ack: vigil.v1.Ack.$Shape; command?: null; error?: null; settingsUpdate?: null }|{ kind?: "command"; welcome?: null; ack?: null; command: vigil.v1.Command.$Shape; error?: null; settingsUpdate?: null }|{ kind?: "error"; welcome?: null; ack?: null; command?: null; error: vigil.v1.Error.$Shape; settingsUpdate?: null }|{ kind?: "settingsUpdate"; welcome?: null; ack?: null; command?: null; error?: null; settingsUpdate: vigil.v1.SettingsUpdate.$Shape })
            );
        }

        /**
         * Properties of a Welcome.
         * @deprecated Use vigil.v1.Welcome.$Properties instead.
         */
        interface IWelcome extends vigil.v1.Welcome.$Properties {
        }

        /** Represents a Welcome. */
        class Welcome {

            /**
             * Constructs a new Welcome.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.Welcome.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Welcome protocolMajor. */
            protocolMajor: number;

            /** Welcome protocolMinor. */
            protocolMinor: number;

            /** Welcome serverVersion. */
            serverVersion: string;

            /** Welcome agentId. */
            agentId: string;

            /** Welcome heartbeatIntervalS. */
            heartbeatIntervalS: number;

            /** Welcome databases. */
            databases: vigil.v1.RegisteredDatabase.$Properties[];

            /** Welcome settings. */
            settings: vigil.v1.DatabaseSettings.$Properties[];

            /**
             * Creates a new Welcome instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Welcome instance
             */
            static create(properties: vigil.v1.Welcome.$Shape): vigil.v1.Welcome & vigil.v1.Welcome.$Shape;
            static create(properties?: vigil.v1.Welcome.$Properties): vigil.v1.Welcome;

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link vigil.v1.Welcome.verify|verify} messages.
             * @param m Welcome message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.Welcome.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Welcome message, length delimited. Does not implicitly {@link vigil.v1.Welcome.verify|verify} messages.
             * @param message Welcome message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.Welcome.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.Welcome & vigil.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.Welcome & vigil.v1.Welcome.$Shape;

            /**
             * Decodes a Welcome message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.Welcome & vigil.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.Welcome & vigil.v1.Welcome.$Shape;

            /**
             * Verifies a Welcome message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Welcome message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Welcome
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.Welcome;

            /**
             * Creates a plain object from a Welcome message. Also converts values to other types if specified.
             * @param m Welcome
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.Welcome, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Welcome to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Welcome
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Welcome {

            /** Properties of a Welcome. */
            interface $Properties {

                /** Welcome protocolMajor */
                protocolMajor?: (number|null);

                /** Welcome protocolMinor */
                protocolMinor?: (number|null);

                /** Welcome serverVersion */
                serverVersion?: (string|null);

                /** Welcome agentId */
                agentId?: (string|null);

                /** Welcome heartbeatIntervalS */
                heartbeatIntervalS?: (number|null);

                /** Welcome databases */
                databases?: (vigil.v1.RegisteredDatabase.$Properties[]|null);

                /** Welcome settings */
                settings?: (vigil.v1.DatabaseSettings.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Welcome. */
            type $Shape = vigil.v1.Welcome.$Properties;
        }

        /**
         * Properties of a DatabaseSettings.
         * @deprecated Use vigil.v1.DatabaseSettings.$Properties instead.
         */
        interface IDatabaseSettings extends vigil.v1.DatabaseSettings.$Properties {
        }

        /** Represents a DatabaseSettings. */
        class DatabaseSettings {

            /**
             * Constructs a new DatabaseSettings.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.DatabaseSettings.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** DatabaseSettings database. */
            database: string;

            /** DatabaseSettings pollIntervalSeconds. */
            pollIntervalSeconds: number;

            /** DatabaseSettings collectExplainPlans. */
            collectExplainPlans: boolean;

            /** DatabaseSettings collectReplication. */
            collectReplication: boolean;

            /** DatabaseSettings disabledCollectors. */
            disabledCollectors: string[];

            /**
             * Creates a new DatabaseSettings instance using the specified properties.
             * @param [properties] Properties to set
             * @returns DatabaseSettings instance
             */
            static create(properties: vigil.v1.DatabaseSettings.$Shape): vigil.v1.DatabaseSettings & vigil.v1.DatabaseSettings.$Shape;
            static create(properties?: vigil.v1.DatabaseSettings.$Properties): vigil.v1.DatabaseSettings;

            /**
             * Encodes the specified DatabaseSettings message. Does not implicitly {@link vigil.v1.DatabaseSettings.verify|verify} messages.
             * @param m DatabaseSettings message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.DatabaseSettings.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified DatabaseSettings message, length delimited. Does not implicitly {@link vigil.v1.DatabaseSettings.verify|verify} messages.
             * @param message DatabaseSettings message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.DatabaseSettings.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a DatabaseSettings message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.DatabaseSettings & vigil.v1.DatabaseSettings.$Shape} DatabaseSettings
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.DatabaseSettings & vigil.v1.DatabaseSettings.$Shape;

            /**
             * Decodes a DatabaseSettings message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.DatabaseSettings & vigil.v1.DatabaseSettings.$Shape} DatabaseSettings
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.DatabaseSettings & vigil.v1.DatabaseSettings.$Shape;

            /**
             * Verifies a DatabaseSettings message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a DatabaseSettings message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns DatabaseSettings
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.DatabaseSettings;

            /**
             * Creates a plain object from a DatabaseSettings message. Also converts values to other types if specified.
             * @param m DatabaseSettings
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.DatabaseSettings, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this DatabaseSettings to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for DatabaseSettings
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace DatabaseSettings {

            /** Properties of a DatabaseSettings. */
            interface $Properties {

                /** DatabaseSettings database */
                database?: (string|null);

                /** DatabaseSettings pollIntervalSeconds */
                pollIntervalSeconds?: (number|null);

                /** DatabaseSettings collectExplainPlans */
                collectExplainPlans?: (boolean|null);

                /** DatabaseSettings collectReplication */
                collectReplication?: (boolean|null);

                /** DatabaseSettings disabledCollectors */
                disabledCollectors?: (string[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a DatabaseSettings. */
            type $Shape = vigil.v1.DatabaseSettings.$Properties;
        }

        /**
         * Properties of a SettingsUpdate.
         * @deprecated Use vigil.v1.SettingsUpdate.$Properties instead.
         */
        interface ISettingsUpdate extends vigil.v1.SettingsUpdate.$Properties {
        }

        /** Represents a SettingsUpdate. */
        class SettingsUpdate {

            /**
             * Constructs a new SettingsUpdate.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.SettingsUpdate.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** SettingsUpdate settings. */
            settings: vigil.v1.DatabaseSettings.$Properties[];

            /**
             * Creates a new SettingsUpdate instance using the specified properties.
             * @param [properties] Properties to set
             * @returns SettingsUpdate instance
             */
            static create(properties: vigil.v1.SettingsUpdate.$Shape): vigil.v1.SettingsUpdate & vigil.v1.SettingsUpdate.$Shape;
            static create(properties?: vigil.v1.SettingsUpdate.$Properties): vigil.v1.SettingsUpdate;

            /**
             * Encodes the specified SettingsUpdate message. Does not implicitly {@link vigil.v1.SettingsUpdate.verify|verify} messages.
             * @param m SettingsUpdate message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.SettingsUpdate.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified SettingsUpdate message, length delimited. Does not implicitly {@link vigil.v1.SettingsUpdate.verify|verify} messages.
             * @param message SettingsUpdate message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.SettingsUpdate.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a SettingsUpdate message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.SettingsUpdate & vigil.v1.SettingsUpdate.$Shape} SettingsUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.SettingsUpdate & vigil.v1.SettingsUpdate.$Shape;

            /**
             * Decodes a SettingsUpdate message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.SettingsUpdate & vigil.v1.SettingsUpdate.$Shape} SettingsUpdate
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.SettingsUpdate & vigil.v1.SettingsUpdate.$Shape;

            /**
             * Verifies a SettingsUpdate message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a SettingsUpdate message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns SettingsUpdate
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.SettingsUpdate;

            /**
             * Creates a plain object from a SettingsUpdate message. Also converts values to other types if specified.
             * @param m SettingsUpdate
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.SettingsUpdate, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this SettingsUpdate to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for SettingsUpdate
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace SettingsUpdate {

            /** Properties of a SettingsUpdate. */
            interface $Properties {

                /** SettingsUpdate settings */
                settings?: (vigil.v1.DatabaseSettings.$Properties[]|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a SettingsUpdate. */
            type $Shape = vigil.v1.SettingsUpdate.$Properties;
        }

        /**
         * Properties of a RegisteredDatabase.
         * @deprecated Use vigil.v1.RegisteredDatabase.$Properties instead.
         */
        interface IRegisteredDatabase extends vigil.v1.RegisteredDatabase.$Properties {
        }

        /** Represents a RegisteredDatabase. */
        class RegisteredDatabase {

            /**
             * Constructs a new RegisteredDatabase.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.RegisteredDatabase.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** RegisteredDatabase name. */
            name: string;

            /** RegisteredDatabase id. */
            id: string;

            /**
             * Creates a new RegisteredDatabase instance using the specified properties.
             * @param [properties] Properties to set
             * @returns RegisteredDatabase instance
             */
            static create(properties: vigil.v1.RegisteredDatabase.$Shape): vigil.v1.RegisteredDatabase & vigil.v1.RegisteredDatabase.$Shape;
            static create(properties?: vigil.v1.RegisteredDatabase.$Properties): vigil.v1.RegisteredDatabase;

            /**
             * Encodes the specified RegisteredDatabase message. Does not implicitly {@link vigil.v1.RegisteredDatabase.verify|verify} messages.
             * @param m RegisteredDatabase message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.RegisteredDatabase.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified RegisteredDatabase message, length delimited. Does not implicitly {@link vigil.v1.RegisteredDatabase.verify|verify} messages.
             * @param message RegisteredDatabase message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.RegisteredDatabase.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a RegisteredDatabase message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.RegisteredDatabase & vigil.v1.RegisteredDatabase.$Shape} RegisteredDatabase
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.RegisteredDatabase & vigil.v1.RegisteredDatabase.$Shape;

            /**
             * Decodes a RegisteredDatabase message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.RegisteredDatabase & vigil.v1.RegisteredDatabase.$Shape} RegisteredDatabase
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.RegisteredDatabase & vigil.v1.RegisteredDatabase.$Shape;

            /**
             * Verifies a RegisteredDatabase message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a RegisteredDatabase message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns RegisteredDatabase
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.RegisteredDatabase;

            /**
             * Creates a plain object from a RegisteredDatabase message. Also converts values to other types if specified.
             * @param m RegisteredDatabase
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.RegisteredDatabase, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this RegisteredDatabase to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for RegisteredDatabase
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace RegisteredDatabase {

            /** Properties of a RegisteredDatabase. */
            interface $Properties {

                /** RegisteredDatabase name */
                name?: (string|null);

                /** RegisteredDatabase id */
                id?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a RegisteredDatabase. */
            type $Shape = vigil.v1.RegisteredDatabase.$Properties;
        }

        /**
         * Properties of an Ack.
         * @deprecated Use vigil.v1.Ack.$Properties instead.
         */
        interface IAck extends vigil.v1.Ack.$Properties {
        }

        /** Represents an Ack. */
        class Ack {

            /**
             * Constructs a new Ack.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.Ack.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Ack batchId. */
            batchId: string;

            /** Ack seq. */
            seq: number;

            /** Ack duplicate. */
            duplicate: boolean;

            /**
             * Creates a new Ack instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Ack instance
             */
            static create(properties: vigil.v1.Ack.$Shape): vigil.v1.Ack & vigil.v1.Ack.$Shape;
            static create(properties?: vigil.v1.Ack.$Properties): vigil.v1.Ack;

            /**
             * Encodes the specified Ack message. Does not implicitly {@link vigil.v1.Ack.verify|verify} messages.
             * @param m Ack message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.Ack.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Ack message, length delimited. Does not implicitly {@link vigil.v1.Ack.verify|verify} messages.
             * @param message Ack message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.Ack.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.Ack & vigil.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.Ack & vigil.v1.Ack.$Shape;

            /**
             * Decodes an Ack message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.Ack & vigil.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.Ack & vigil.v1.Ack.$Shape;

            /**
             * Verifies an Ack message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an Ack message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Ack
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.Ack;

            /**
             * Creates a plain object from an Ack message. Also converts values to other types if specified.
             * @param m Ack
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.Ack, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Ack to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Ack
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Ack {

            /** Properties of an Ack. */
            interface $Properties {

                /** Ack batchId */
                batchId?: (string|null);

                /** Ack seq */
                seq?: (number|null);

                /** Ack duplicate */
                duplicate?: (boolean|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Ack. */
            type $Shape = vigil.v1.Ack.$Properties;
        }

        /**
         * Properties of a Command.
         * @deprecated Use vigil.v1.Command.$Properties instead.
         */
        interface ICommand extends vigil.v1.Command.$Properties {
        }

        /** Represents a Command. */
        class Command {

            /**
             * Constructs a new Command.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.Command.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Command requestId. */
            requestId: string;

            /** Command kind. */
            kind: string;

            /** Command argsJson. */
            argsJson: string;

            /** Command timeoutMs. */
            timeoutMs: number;

            /**
             * Creates a new Command instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Command instance
             */
            static create(properties: vigil.v1.Command.$Shape): vigil.v1.Command & vigil.v1.Command.$Shape;
            static create(properties?: vigil.v1.Command.$Properties): vigil.v1.Command;

            /**
             * Encodes the specified Command message. Does not implicitly {@link vigil.v1.Command.verify|verify} messages.
             * @param m Command message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.Command.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Command message, length delimited. Does not implicitly {@link vigil.v1.Command.verify|verify} messages.
             * @param message Command message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.Command.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes a Command message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.Command & vigil.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.Command & vigil.v1.Command.$Shape;

            /**
             * Decodes a Command message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.Command & vigil.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.Command & vigil.v1.Command.$Shape;

            /**
             * Verifies a Command message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates a Command message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Command
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.Command;

            /**
             * Creates a plain object from a Command message. Also converts values to other types if specified.
             * @param m Command
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.Command, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Command to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Command
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Command {

            /** Properties of a Command. */
            interface $Properties {

                /** Command requestId */
                requestId?: (string|null);

                /** Command kind */
                kind?: (string|null);

                /** Command argsJson */
                argsJson?: (string|null);

                /** Command timeoutMs */
                timeoutMs?: (number|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Command. */
            type $Shape = vigil.v1.Command.$Properties;
        }

        /**
         * Properties of an Error.
         * @deprecated Use vigil.v1.Error.$Properties instead.
         */
        interface IError extends vigil.v1.Error.$Properties {
        }

        /** Represents an Error. */
        class Error {

            /**
             * Constructs a new Error.
             * @param [p] Properties to set
             */
            constructor(p?: vigil.v1.Error.$Properties);

            /** Unknown fields preserved while decoding when enabled */
            $unknowns?: Uint8Array[];

            /** Error code. */
            code: string;

            /** Error message. */
            message: string;

            /** Error fatal. */
            fatal: boolean;

            /** Error batchId. */
            batchId: string;

            /**
             * Creates a new Error instance using the specified properties.
             * @param [properties] Properties to set
             * @returns Error instance
             */
            static create(properties: vigil.v1.Error.$Shape): vigil.v1.Error & vigil.v1.Error.$Shape;
            static create(properties?: vigil.v1.Error.$Properties): vigil.v1.Error;

            /**
             * Encodes the specified Error message. Does not implicitly {@link vigil.v1.Error.verify|verify} messages.
             * @param m Error message or plain object to encode
             * @param [w] Writer to encode to
             * @returns Writer
             */
            static encode(m: vigil.v1.Error.$Properties, w?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Encodes the specified Error message, length delimited. Does not implicitly {@link vigil.v1.Error.verify|verify} messages.
             * @param message Error message or plain object to encode
             * @param [writer] Writer to encode to
             * @returns Writer
             */
            static encodeDelimited(message: vigil.v1.Error.$Properties, writer?: $protobuf.Writer): $protobuf.Writer;

            /**
             * Decodes an Error message from the specified reader or buffer.
             * @param r Reader or buffer to decode from
             * @param [l] Message length if known beforehand
             * @returns {vigil.v1.Error & vigil.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decode(r: ($protobuf.Reader|Uint8Array), l?: number): vigil.v1.Error & vigil.v1.Error.$Shape;

            /**
             * Decodes an Error message from the specified reader or buffer, length delimited.
             * @param reader Reader or buffer to decode from
             * @returns {vigil.v1.Error & vigil.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            static decodeDelimited(reader: ($protobuf.Reader|Uint8Array)): vigil.v1.Error & vigil.v1.Error.$Shape;

            /**
             * Verifies an Error message.
             * @param m Plain object to verify
             * @returns `null` if valid, otherwise the reason why it is not
             */
            static verify(m: { [k: string]: any }): (string|null);

            /**
             * Creates an Error message from a plain object. Also converts values to their respective internal types.
             * @param d Plain object
             * @returns Error
             */
            static fromObject(d: { [k: string]: any }): vigil.v1.Error;

            /**
             * Creates a plain object from an Error message. Also converts values to other types if specified.
             * @param m Error
             * @param [o] Conversion options
             * @returns Plain object
             */
            static toObject(m: vigil.v1.Error, o?: $protobuf.IConversionOptions): { [k: string]: any };

            /**
             * Converts this Error to JSON.
             * @returns JSON object
             */
            toJSON(): { [k: string]: any };

            /**
             * Gets the type url for Error
             * @param [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns The type url
             */
            static getTypeUrl(prefix?: string): string;
        }

        namespace Error {

            /** Properties of an Error. */
            interface $Properties {

                /** Error code */
                code?: (string|null);

                /** Error message */
                message?: (string|null);

                /** Error fatal */
                fatal?: (boolean|null);

                /** Error batchId */
                batchId?: (string|null);

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of an Error. */
            type $Shape = vigil.v1.Error.$Properties;
        }
    }
}
