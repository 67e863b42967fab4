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

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a StatementStat. */
            type $Shape = vigil.v1.StatementStat.$Properties;
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

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Heartbeat. */
            type $Shape = vigil.v1.Heartbeat.$Properties;
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

            /** ServerMessage kind. */
            kind?: ("welcome"|"ack"|"command"|"error");

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

                /** ServerMessage kind */
                kind?: ("welcome"|"ack"|"command"|"error");

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Narrowed shape of a ServerMessage. */
            type $Shape = {
              welcome?: vigil.v1.Welcome.$Shape|null;
              ack?: vigil.v1.Ack.$Shape|null;
              command?: vigil.v1.Command.$Shape|null;
              error?: vigil.v1.Error.$Shape|null;
              $unknowns?: Uint8Array[];
            } & (
              ({ kind?: undefined; welcome?: null; ack?: null; command?: null; error?: null }|{ kind?: "welcome"; welcome: vigil.v1.Welcome.$Shape; ack?: null; command?: null; error?: null }|{ kind?: "ack"; welcome?: null; ack: vigil.v1.Ack.$Shape; command?: null; error?: null }|{ kind?: "command"; welcome?: null; ack?: null; command: vigil.v1.Command.$Shape; error?: null }|{ kind?: "error"; welcome?: null; ack?: null; command?: null; error: vigil.v1.Error.$Shape })
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

                /** Unknown fields preserved while decoding when enabled */
                $unknowns?: Uint8Array[];
            }

            /** Shape of a Welcome. */
            type $Shape = vigil.v1.Welcome.$Properties;
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
