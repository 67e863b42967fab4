/*eslint-disable block-scoped-var, id-length, no-control-regex, no-magic-numbers, no-mixed-operators, no-prototype-builtins, no-redeclare, no-shadow, no-var, sort-vars, default-case, jsdoc/require-param*/
import $protobuf from "protobufjs/minimal.js";
// 64-bit fields as numbers: see proto/generate.mjs.
$protobuf.util.Long = undefined;
$protobuf.configure();

// Common aliases
const $Reader = $protobuf.Reader, $Writer = $protobuf.Writer, $util = $protobuf.util;
const $Object = $util.global.Object, $undefined = $util.global.undefined, $Error = $util.global.Error, $RangeError = $util.global.RangeError, $TypeError = $util.global.TypeError, $Array = $util.global.Array, $Number = $util.global.Number, $String = $util.global.String, $parseInt = $util.global.parseInt, $BigInt = $util.global.BigInt, $Boolean = $util.global.Boolean, $isFinite = $util.global.isFinite;

// Exported root namespace
const $root = $protobuf.roots["default"] || ($protobuf.roots["default"] = {});

export const vigil = $root.vigil = (() => {

    /**
     * Namespace vigil.
     * @exports vigil
     * @namespace
     */
    const vigil = {};

    vigil.v1 = (function() {

        /**
         * Namespace v1.
         * @memberof vigil
         * @namespace
         */
        const v1 = {};

        /**
         * Engine enum.
         * @name vigil.v1.Engine
         * @enum {number}
         * @property {number} ENGINE_UNSPECIFIED=0 ENGINE_UNSPECIFIED value
         * @property {number} POSTGRES=1 POSTGRES value
         * @property {number} CLICKHOUSE=2 CLICKHOUSE value
         */
        v1.Engine = (function() {
            const valuesById = $Object.create(null), values = $Object.create(valuesById);
            values[valuesById[0] = "ENGINE_UNSPECIFIED"] = 0;
            values[valuesById[1] = "POSTGRES"] = 1;
            values[valuesById[2] = "CLICKHOUSE"] = 2;
            return values;
        })();

        v1.AgentMessage = (function() {

            /**
             * Properties of an AgentMessage.
             * @typedef {Object} vigil.v1.AgentMessage.$Properties
             * @property {vigil.v1.Hello.$Properties|null} [hello] AgentMessage hello
             * @property {vigil.v1.Batch.$Properties|null} [batch] AgentMessage batch
             * @property {vigil.v1.Heartbeat.$Properties|null} [heartbeat] AgentMessage heartbeat
             * @property {vigil.v1.CommandResult.$Properties|null} [commandResult] AgentMessage commandResult
             * @property {"hello"|"batch"|"heartbeat"|"commandResult"} [kind] AgentMessage kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an AgentMessage.
             * @memberof vigil.v1
             * @interface IAgentMessage
             * @augments vigil.v1.AgentMessage.$Properties
             * @deprecated Use vigil.v1.AgentMessage.$Properties instead.
             */

            /**
             * Narrowed shape of an AgentMessage.
             * @typedef {{
             *   hello?: vigil.v1.Hello.$Shape|null;
             *   batch?: vigil.v1.Batch.$Shape|null;
             *   heartbeat?: vigil.v1.Heartbeat.$Shape|null;
             *   commandResult?: vigil.v1.CommandResult.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; hello?: null; batch?: null; heartbeat?: null; commandResult?: null }|{ kind?: "hello"; hello: vigil.v1.Hello.$Shape; batch?: null; heartbeat?: null; commandResult?: null }|{ kind?: "batch"; hello?: null; batch: vigil.v1.Batch.$Shape; heartbeat?: null; commandResult?: null }|{ kind?: "heartbeat"; hello?: null; batch?: null; heartbeat: vigil.v1.Heartbeat.$Shape; commandResult?: null }|{ kind?: "commandResult"; hello?: null; batch?: null; heartbeat?: null; commandResult: vigil.v1.CommandResult.$Shape })
             * )} vigil.v1.AgentMessage.$Shape
             */

            /**
             * Constructs a new AgentMessage.
             * @memberof vigil.v1
             * @classdesc Represents an AgentMessage.
             * @constructor
             * @param {vigil.v1.AgentMessage.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const AgentMessage = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * AgentMessage hello.
             * @member {vigil.v1.Hello.$Properties|null|undefined} hello
             * @memberof vigil.v1.AgentMessage
             * @instance
             */
            AgentMessage.prototype.hello = null;

            /**
             * AgentMessage batch.
             * @member {vigil.v1.Batch.$Properties|null|undefined} batch
             * @memberof vigil.v1.AgentMessage
             * @instance
             */
            AgentMessage.prototype.batch = null;

            /**
             * AgentMessage heartbeat.
             * @member {vigil.v1.Heartbeat.$Properties|null|undefined} heartbeat
             * @memberof vigil.v1.AgentMessage
             * @instance
             */
            AgentMessage.prototype.heartbeat = null;

            /**
             * AgentMessage commandResult.
             * @member {vigil.v1.CommandResult.$Properties|null|undefined} commandResult
             * @memberof vigil.v1.AgentMessage
             * @instance
             */
            AgentMessage.prototype.commandResult = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * AgentMessage kind.
             * @member {"hello"|"batch"|"heartbeat"|"commandResult"|undefined} kind
             * @memberof vigil.v1.AgentMessage
             * @instance
             */
            $Object.defineProperty(AgentMessage.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["hello", "batch", "heartbeat", "commandResult"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new AgentMessage instance using the specified properties.
             * @function create
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {vigil.v1.AgentMessage.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.AgentMessage} AgentMessage instance
             * @type {{
             *   (properties: vigil.v1.AgentMessage.$Shape): vigil.v1.AgentMessage & vigil.v1.AgentMessage.$Shape;
             *   (properties?: vigil.v1.AgentMessage.$Properties): vigil.v1.AgentMessage;
             * }}
             */
            AgentMessage.create = function(properties) {
                return new AgentMessage(properties);
            };

            /**
             * Encodes the specified AgentMessage message. Does not implicitly {@link vigil.v1.AgentMessage.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {vigil.v1.AgentMessage.$Properties} m AgentMessage message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentMessage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.hello != null && $Object.hasOwnProperty.call(m, "hello"))
                    $root.vigil.v1.Hello.encode(m.hello, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (m.batch != null && $Object.hasOwnProperty.call(m, "batch"))
                    $root.vigil.v1.Batch.encode(m.batch, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.heartbeat != null && $Object.hasOwnProperty.call(m, "heartbeat"))
                    $root.vigil.v1.Heartbeat.encode(m.heartbeat, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.commandResult != null && $Object.hasOwnProperty.call(m, "commandResult"))
                    $root.vigil.v1.CommandResult.encode(m.commandResult, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified AgentMessage message, length delimited. Does not implicitly {@link vigil.v1.AgentMessage.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {vigil.v1.AgentMessage.$Properties} message AgentMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            AgentMessage.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an AgentMessage message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {vigil.v1.AgentMessage & vigil.v1.AgentMessage.$Shape} AgentMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentMessage.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.vigil.v1.AgentMessage();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.hello = $root.vigil.v1.Hello.decode(r, r.size(), $undefined, q + 1, m.hello);
                            m.kind = "hello";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.batch = $root.vigil.v1.Batch.decode(r, r.size(), $undefined, q + 1, m.batch);
                            m.kind = "batch";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.heartbeat = $root.vigil.v1.Heartbeat.decode(r, r.size(), $undefined, q + 1, m.heartbeat);
                            m.kind = "heartbeat";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.commandResult = $root.vigil.v1.CommandResult.decode(r, r.size(), $undefined, q + 1, m.commandResult);
                            m.kind = "commandResult";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an AgentMessage message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.AgentMessage & vigil.v1.AgentMessage.$Shape} AgentMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            AgentMessage.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an AgentMessage message.
             * @function verify
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            AgentMessage.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.hello != null && $Object.hasOwnProperty.call(m, "hello")) {
                    p.kind = 1;
                    {
                        var e = $root.vigil.v1.Hello.verify(m.hello, q + 1);
                        if (e)
                            return "hello." + e;
                    }
                }
                if (m.batch != null && $Object.hasOwnProperty.call(m, "batch")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.vigil.v1.Batch.verify(m.batch, q + 1);
                        if (e)
                            return "batch." + e;
                    }
                }
                if (m.heartbeat != null && $Object.hasOwnProperty.call(m, "heartbeat")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.vigil.v1.Heartbeat.verify(m.heartbeat, q + 1);
                        if (e)
                            return "heartbeat." + e;
                    }
                }
                if (m.commandResult != null && $Object.hasOwnProperty.call(m, "commandResult")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.vigil.v1.CommandResult.verify(m.commandResult, q + 1);
                        if (e)
                            return "commandResult." + e;
                    }
                }
                return null;
            };

            /**
             * Creates an AgentMessage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {vigil.v1.AgentMessage} AgentMessage
             */
            AgentMessage.fromObject = function (d, q) {
                if (d instanceof $root.vigil.v1.AgentMessage)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".vigil.v1.AgentMessage: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.vigil.v1.AgentMessage();
                if (d.hello != null) {
                    if (!$util.isObject(d.hello))
                        throw $TypeError(".vigil.v1.AgentMessage.hello: object expected");
                    m.hello = $root.vigil.v1.Hello.fromObject(d.hello, q + 1);
                }
                if (d.batch != null) {
                    if (!$util.isObject(d.batch))
                        throw $TypeError(".vigil.v1.AgentMessage.batch: object expected");
                    m.batch = $root.vigil.v1.Batch.fromObject(d.batch, q + 1);
                }
                if (d.heartbeat != null) {
                    if (!$util.isObject(d.heartbeat))
                        throw $TypeError(".vigil.v1.AgentMessage.heartbeat: object expected");
                    m.heartbeat = $root.vigil.v1.Heartbeat.fromObject(d.heartbeat, q + 1);
                }
                if (d.commandResult != null) {
                    if (!$util.isObject(d.commandResult))
                        throw $TypeError(".vigil.v1.AgentMessage.commandResult: object expected");
                    m.commandResult = $root.vigil.v1.CommandResult.fromObject(d.commandResult, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from an AgentMessage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {vigil.v1.AgentMessage} m AgentMessage
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            AgentMessage.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (m.hello != null && $Object.hasOwnProperty.call(m, "hello")) {
                    d.hello = $root.vigil.v1.Hello.toObject(m.hello, o, q + 1);
                    if (o.oneofs)
                        d.kind = "hello";
                }
                if (m.batch != null && $Object.hasOwnProperty.call(m, "batch")) {
                    d.batch = $root.vigil.v1.Batch.toObject(m.batch, o, q + 1);
                    if (o.oneofs)
                        d.kind = "batch";
                }
                if (m.heartbeat != null && $Object.hasOwnProperty.call(m, "heartbeat")) {
                    d.heartbeat = $root.vigil.v1.Heartbeat.toObject(m.heartbeat, o, q + 1);
                    if (o.oneofs)
                        d.kind = "heartbeat";
                }
                if (m.commandResult != null && $Object.hasOwnProperty.call(m, "commandResult")) {
                    d.commandResult = $root.vigil.v1.CommandResult.toObject(m.commandResult, o, q + 1);
                    if (o.oneofs)
                        d.kind = "commandResult";
                }
                return d;
            };

            /**
             * Converts this AgentMessage to JSON.
             * @function toJSON
             * @memberof vigil.v1.AgentMessage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            AgentMessage.prototype.toJSON = function() {
                return AgentMessage.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for AgentMessage
             * @function getTypeUrl
             * @memberof vigil.v1.AgentMessage
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            AgentMessage.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.AgentMessage";
            };

            return AgentMessage;
        })();

        v1.Hello = (function() {

            /**
             * Properties of a Hello.
             * @typedef {Object} vigil.v1.Hello.$Properties
             * @property {number|null} [protocolMajor] Hello protocolMajor
             * @property {number|null} [protocolMinor] Hello protocolMinor
             * @property {string|null} [agentVersion] Hello agentVersion
             * @property {string|null} [hostname] Hello hostname
             * @property {Array.<vigil.v1.DatabaseInfo.$Properties>|null} [databases] Hello databases
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Hello.
             * @memberof vigil.v1
             * @interface IHello
             * @augments vigil.v1.Hello.$Properties
             * @deprecated Use vigil.v1.Hello.$Properties instead.
             */

            /**
             * Shape of a Hello.
             * @typedef {vigil.v1.Hello.$Properties} vigil.v1.Hello.$Shape
             */

            /**
             * Constructs a new Hello.
             * @memberof vigil.v1
             * @classdesc Represents a Hello.
             * @constructor
             * @param {vigil.v1.Hello.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Hello = function (p) {
                this.databases = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Hello protocolMajor.
             * @member {number} protocolMajor
             * @memberof vigil.v1.Hello
             * @instance
             */
            Hello.prototype.protocolMajor = 0;

            /**
             * Hello protocolMinor.
             * @member {number} protocolMinor
             * @memberof vigil.v1.Hello
             * @instance
             */
            Hello.prototype.protocolMinor = 0;

            /**
             * Hello agentVersion.
             * @member {string} agentVersion
             * @memberof vigil.v1.Hello
             * @instance
             */
            Hello.prototype.agentVersion = "";

            /**
             * Hello hostname.
             * @member {string} hostname
             * @memberof vigil.v1.Hello
             * @instance
             */
            Hello.prototype.hostname = "";

            /**
             * Hello databases.
             * @member {Array.<vigil.v1.DatabaseInfo.$Properties>} databases
             * @memberof vigil.v1.Hello
             * @instance
             */
            Hello.prototype.databases = $util.emptyArray;

            /**
             * Creates a new Hello instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Hello
             * @static
             * @param {vigil.v1.Hello.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.Hello} Hello instance
             * @type {{
             *   (properties: vigil.v1.Hello.$Shape): vigil.v1.Hello & vigil.v1.Hello.$Shape;
             *   (properties?: vigil.v1.Hello.$Properties): vigil.v1.Hello;
             * }}
             */
            Hello.create = function(properties) {
                return new Hello(properties);
            };

            /**
             * Encodes the specified Hello message. Does not implicitly {@link vigil.v1.Hello.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Hello
             * @static
             * @param {vigil.v1.Hello.$Properties} m Hello message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.protocolMajor != null && $Object.hasOwnProperty.call(m, "protocolMajor") && m.protocolMajor !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.protocolMajor);
                if (m.protocolMinor != null && $Object.hasOwnProperty.call(m, "protocolMinor") && m.protocolMinor !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.protocolMinor);
                if (m.agentVersion != null && $Object.hasOwnProperty.call(m, "agentVersion") && m.agentVersion !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.agentVersion);
                if (m.hostname != null && $Object.hasOwnProperty.call(m, "hostname") && m.hostname !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.hostname);
                if (m.databases != null && m.databases.length) {
                    for (var i = 0; i < m.databases.length; ++i)
                        $root.vigil.v1.DatabaseInfo.encode(m.databases[i], w.uint32(/* id 5, wireType 2 =*/42).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Hello message, length delimited. Does not implicitly {@link vigil.v1.Hello.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.Hello
             * @static
             * @param {vigil.v1.Hello.$Properties} message Hello message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Hello.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Hello message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {vigil.v1.Hello & vigil.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.vigil.v1.Hello();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.protocolMajor = v;
                            else
                                delete m.protocolMajor;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.protocolMinor = v;
                            else
                                delete m.protocolMinor;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agentVersion = v;
                            else
                                delete m.agentVersion;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.hostname = v;
                            else
                                delete m.hostname;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if (!(m.databases && m.databases.length))
                                m.databases = [];
                            m.databases.push($root.vigil.v1.DatabaseInfo.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Hello message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.Hello
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.Hello & vigil.v1.Hello.$Shape} Hello
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Hello.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Hello message.
             * @function verify
             * @memberof vigil.v1.Hello
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Hello.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.protocolMajor != null && $Object.hasOwnProperty.call(m, "protocolMajor")) {
                    if (!$util.isInteger(m.protocolMajor))
                        return "protocolMajor: integer expected";
                }
                if (m.protocolMinor != null && $Object.hasOwnProperty.call(m, "protocolMinor")) {
                    if (!$util.isInteger(m.protocolMinor))
                        return "protocolMinor: integer expected";
                }
                if (m.agentVersion != null && $Object.hasOwnProperty.call(m, "agentVersion")) {
                    if (!$util.isString(m.agentVersion))
                        return "agentVersion: string expected";
                }
                if (m.hostname != null && $Object.hasOwnProperty.call(m, "hostname")) {
                    if (!$util.isString(m.hostname))
                        return "hostname: string expected";
                }
                if (m.databases != null && $Object.hasOwnProperty.call(m, "databases")) {
                    if (!$Array.isArray(m.databases))
                        return "databases: array expected";
                    for (var i = 0; i < m.databases.length; ++i) {
                        {
                            var e = $root.vigil.v1.DatabaseInfo.verify(m.databases[i], q + 1);
                            if (e)
                                return "databases." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Creates a Hello message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Hello
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {vigil.v1.Hello} Hello
             */
            Hello.fromObject = function (d, q) {
                if (d instanceof $root.vigil.v1.Hello)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".vigil.v1.Hello: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.vigil.v1.Hello();
                if (d.protocolMajor != null) {
                    if ($Number(d.protocolMajor) !== 0) {
                        m.protocolMajor = d.protocolMajor >>> 0;
                    }
                }
                if (d.protocolMinor != null) {
                    if ($Number(d.protocolMinor) !== 0) {
                        m.protocolMinor = d.protocolMinor >>> 0;
                    }
                }
                if (d.agentVersion != null) {
                    if (typeof d.agentVersion !== "string" || d.agentVersion.length) {
                        m.agentVersion = $String(d.agentVersion);
                    }
                }
                if (d.hostname != null) {
                    if (typeof d.hostname !== "string" || d.hostname.length) {
                        m.hostname = $String(d.hostname);
                    }
                }
                if (d.databases) {
                    if (!$Array.isArray(d.databases))
                        throw $TypeError(".vigil.v1.Hello.databases: array expected");
                    m.databases = $Array(d.databases.length);
                    for (var i = 0; i < d.databases.length; ++i) {
                        if (!$util.isObject(d.databases[i]))
                            throw $TypeError(".vigil.v1.Hello.databases: object expected");
                        m.databases[i] = $root.vigil.v1.DatabaseInfo.fromObject(d.databases[i], q + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Hello message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Hello
             * @static
             * @param {vigil.v1.Hello} m Hello
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Hello.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.databases = [];
                }
                if (o.defaults) {
                    d.protocolMajor = 0;
                    d.protocolMinor = 0;
                    d.agentVersion = "";
                    d.hostname = "";
                }
                if (m.protocolMajor != null && $Object.hasOwnProperty.call(m, "protocolMajor")) {
                    d.protocolMajor = m.protocolMajor;
                }
                if (m.protocolMinor != null && $Object.hasOwnProperty.call(m, "protocolMinor")) {
                    d.protocolMinor = m.protocolMinor;
                }
                if (m.agentVersion != null && $Object.hasOwnProperty.call(m, "agentVersion")) {
                    d.agentVersion = m.agentVersion;
                }
                if (m.hostname != null && $Object.hasOwnProperty.call(m, "hostname")) {
                    d.hostname = m.hostname;
                }
                if (m.databases && m.databases.length) {
                    d.databases = $Array(m.databases.length);
                    for (var j = 0; j < m.databases.length; ++j) {
                        d.databases[j] = $root.vigil.v1.DatabaseInfo.toObject(m.databases[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this Hello to JSON.
             * @function toJSON
             * @memberof vigil.v1.Hello
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Hello.prototype.toJSON = function() {
                return Hello.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Hello
             * @function getTypeUrl
             * @memberof vigil.v1.Hello
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Hello.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.Hello";
            };

            return Hello;
        })();

        v1.DatabaseInfo = (function() {

            /**
             * Properties of a DatabaseInfo.
             * @typedef {Object} vigil.v1.DatabaseInfo.$Properties
             * @property {string|null} [name] DatabaseInfo name
             * @property {vigil.v1.Engine|null} [engine] DatabaseInfo engine
             * @property {string|null} [serverVersion] DatabaseInfo serverVersion
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a DatabaseInfo.
             * @memberof vigil.v1
             * @interface IDatabaseInfo
             * @augments vigil.v1.DatabaseInfo.$Properties
             * @deprecated Use vigil.v1.DatabaseInfo.$Properties instead.
             */

            /**
             * Shape of a DatabaseInfo.
             * @typedef {vigil.v1.DatabaseInfo.$Properties} vigil.v1.DatabaseInfo.$Shape
             */

            /**
             * Constructs a new DatabaseInfo.
             * @memberof vigil.v1
             * @classdesc Represents a DatabaseInfo.
             * @constructor
             * @param {vigil.v1.DatabaseInfo.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const DatabaseInfo = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * DatabaseInfo name.
             * @member {string} name
             * @memberof vigil.v1.DatabaseInfo
             * @instance
             */
            DatabaseInfo.prototype.name = "";

            /**
             * DatabaseInfo engine.
             * @member {vigil.v1.Engine} engine
             * @memberof vigil.v1.DatabaseInfo
             * @instance
             */
            DatabaseInfo.prototype.engine = 0;

            /**
             * DatabaseInfo serverVersion.
             * @member {string} serverVersion
             * @memberof vigil.v1.DatabaseInfo
             * @instance
             */
            DatabaseInfo.prototype.serverVersion = "";

            /**
             * Creates a new DatabaseInfo instance using the specified properties.
             * @function create
             * @memberof vigil.v1.DatabaseInfo
             * @static
             * @param {vigil.v1.DatabaseInfo.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.DatabaseInfo} DatabaseInfo instance
             * @type {{
             *   (properties: vigil.v1.DatabaseInfo.$Shape): vigil.v1.DatabaseInfo & vigil.v1.DatabaseInfo.$Shape;
             *   (properties?: vigil.v1.DatabaseInfo.$Properties): vigil.v1.DatabaseInfo;
             * }}
             */
            DatabaseInfo.create = function(properties) {
                return new DatabaseInfo(properties);
            };

            /**
             * Encodes the specified DatabaseInfo message. Does not implicitly {@link vigil.v1.DatabaseInfo.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.DatabaseInfo
             * @static
             * @param {vigil.v1.DatabaseInfo.$Properties} m DatabaseInfo message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatabaseInfo.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.engine != null && $Object.hasOwnProperty.call(m, "engine") && m.engine !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).int32(m.engine);
                if (m.serverVersion != null && $Object.hasOwnProperty.call(m, "serverVersion") && m.serverVersion !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.serverVersion);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified DatabaseInfo message, length delimited. Does not implicitly {@link vigil.v1.DatabaseInfo.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.DatabaseInfo
             * @static
             * @param {vigil.v1.DatabaseInfo.$Properties} message DatabaseInfo message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            DatabaseInfo.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a DatabaseInfo message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.DatabaseInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {vigil.v1.DatabaseInfo & vigil.v1.DatabaseInfo.$Shape} DatabaseInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatabaseInfo.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.vigil.v1.DatabaseInfo();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.int32())
                                m.engine = v;
                            else
                                delete m.engine;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.serverVersion = v;
                            else
                                delete m.serverVersion;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a DatabaseInfo message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.DatabaseInfo
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.DatabaseInfo & vigil.v1.DatabaseInfo.$Shape} DatabaseInfo
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            DatabaseInfo.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a DatabaseInfo message.
             * @function verify
             * @memberof vigil.v1.DatabaseInfo
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            DatabaseInfo.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.engine != null && $Object.hasOwnProperty.call(m, "engine")) {
                    if (typeof m.engine !== "number" || (m.engine | 0) !== m.engine)
                        return "engine: enum value expected";
                }
                if (m.serverVersion != null && $Object.hasOwnProperty.call(m, "serverVersion")) {
                    if (!$util.isString(m.serverVersion))
                        return "serverVersion: string expected";
                }
                return null;
            };

            /**
             * Creates a DatabaseInfo message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.DatabaseInfo
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {vigil.v1.DatabaseInfo} DatabaseInfo
             */
            DatabaseInfo.fromObject = function (d, q) {
                if (d instanceof $root.vigil.v1.DatabaseInfo)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".vigil.v1.DatabaseInfo: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.vigil.v1.DatabaseInfo();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.engine !== 0 && (typeof d.engine !== "string" || $root.vigil.v1.Engine[d.engine] !== 0)) {
                    switch (d.engine) {
                    case "ENGINE_UNSPECIFIED":
                    case 0:
                        m.engine = 0;
                        break;
                    case "POSTGRES":
                    case 1:
                        m.engine = 1;
                        break;
                    case "CLICKHOUSE":
                    case 2:
                        m.engine = 2;
                        break;
                    default:
                        if (typeof d.engine === "number" && (d.engine | 0) === d.engine)
                            m.engine = d.engine;
                    }
                }
                if (d.serverVersion != null) {
                    if (typeof d.serverVersion !== "string" || d.serverVersion.length) {
                        m.serverVersion = $String(d.serverVersion);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a DatabaseInfo message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.DatabaseInfo
             * @static
             * @param {vigil.v1.DatabaseInfo} m DatabaseInfo
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            DatabaseInfo.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                    d.engine = o.enums === $String ? "ENGINE_UNSPECIFIED" : 0;
                    d.serverVersion = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.engine != null && $Object.hasOwnProperty.call(m, "engine")) {
                    d.engine = o.enums === $String ? $root.vigil.v1.Engine[m.engine] === $undefined ? m.engine : $root.vigil.v1.Engine[m.engine] : m.engine;
                }
                if (m.serverVersion != null && $Object.hasOwnProperty.call(m, "serverVersion")) {
                    d.serverVersion = m.serverVersion;
                }
                return d;
            };

            /**
             * Converts this DatabaseInfo to JSON.
             * @function toJSON
             * @memberof vigil.v1.DatabaseInfo
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            DatabaseInfo.prototype.toJSON = function() {
                return DatabaseInfo.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for DatabaseInfo
             * @function getTypeUrl
             * @memberof vigil.v1.DatabaseInfo
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            DatabaseInfo.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.DatabaseInfo";
            };

            return DatabaseInfo;
        })();

        v1.Batch = (function() {

            /**
             * Properties of a Batch.
             * @typedef {Object} vigil.v1.Batch.$Properties
             * @property {string|null} [batchId] Batch batchId
             * @property {number|null} [seq] Batch seq
             * @property {string|null} [database] Batch database
             * @property {number|null} [windowStartMs] Batch windowStartMs
             * @property {number|null} [windowEndMs] Batch windowEndMs
             * @property {Array.<vigil.v1.StatementStat.$Properties>|null} [statements] Batch statements
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Batch.
             * @memberof vigil.v1
             * @interface IBatch
             * @augments vigil.v1.Batch.$Properties
             * @deprecated Use vigil.v1.Batch.$Properties instead.
             */

            /**
             * Shape of a Batch.
             * @typedef {vigil.v1.Batch.$Properties} vigil.v1.Batch.$Shape
             */

            /**
             * Constructs a new Batch.
             * @memberof vigil.v1
             * @classdesc Represents a Batch.
             * @constructor
             * @param {vigil.v1.Batch.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Batch = function (p) {
                this.statements = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Batch batchId.
             * @member {string} batchId
             * @memberof vigil.v1.Batch
             * @instance
             */
            Batch.prototype.batchId = "";

            /**
             * Batch seq.
             * @member {number} seq
             * @memberof vigil.v1.Batch
             * @instance
             */
            Batch.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Batch database.
             * @member {string} database
             * @memberof vigil.v1.Batch
             * @instance
             */
            Batch.prototype.database = "";

            /**
             * Batch windowStartMs.
             * @member {number} windowStartMs
             * @memberof vigil.v1.Batch
             * @instance
             */
            Batch.prototype.windowStartMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Batch windowEndMs.
             * @member {number} windowEndMs
             * @memberof vigil.v1.Batch
             * @instance
             */
            Batch.prototype.windowEndMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Batch statements.
             * @member {Array.<vigil.v1.StatementStat.$Properties>} statements
             * @memberof vigil.v1.Batch
             * @instance
             */
            Batch.prototype.statements = $util.emptyArray;

            /**
             * Creates a new Batch instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Batch
             * @static
             * @param {vigil.v1.Batch.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.Batch} Batch instance
             * @type {{
             *   (properties: vigil.v1.Batch.$Shape): vigil.v1.Batch & vigil.v1.Batch.$Shape;
             *   (properties?: vigil.v1.Batch.$Properties): vigil.v1.Batch;
             * }}
             */
            Batch.create = function(properties) {
                return new Batch(properties);
            };

            /**
             * Encodes the specified Batch message. Does not implicitly {@link vigil.v1.Batch.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Batch
             * @static
             * @param {vigil.v1.Batch.$Properties} m Batch message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Batch.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId") && m.batchId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.batchId);
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.seq);
                if (m.database != null && $Object.hasOwnProperty.call(m, "database") && m.database !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.database);
                if (m.windowStartMs != null && $Object.hasOwnProperty.call(m, "windowStartMs") && (typeof m.windowStartMs === "object" ? m.windowStartMs.low || m.windowStartMs.high : m.windowStartMs !== 0))
                    w.uint32(/* id 4, wireType 0 =*/32).int64(m.windowStartMs);
                if (m.windowEndMs != null && $Object.hasOwnProperty.call(m, "windowEndMs") && (typeof m.windowEndMs === "object" ? m.windowEndMs.low || m.windowEndMs.high : m.windowEndMs !== 0))
                    w.uint32(/* id 5, wireType 0 =*/40).int64(m.windowEndMs);
                if (m.statements != null && m.statements.length) {
                    for (var i = 0; i < m.statements.length; ++i)
                        $root.vigil.v1.StatementStat.encode(m.statements[i], w.uint32(/* id 10, wireType 2 =*/82).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Batch message, length delimited. Does not implicitly {@link vigil.v1.Batch.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.Batch
             * @static
             * @param {vigil.v1.Batch.$Properties} message Batch message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Batch.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Batch message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Batch
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {vigil.v1.Batch & vigil.v1.Batch.$Shape} Batch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Batch.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.vigil.v1.Batch();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.batchId = v;
                            else
                                delete m.batchId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.seq = v;
                            else
                                delete m.seq;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.database = v;
                            else
                                delete m.database;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.windowStartMs = v;
                            else
                                delete m.windowStartMs;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.windowEndMs = v;
                            else
                                delete m.windowEndMs;
                            continue;
                        }
                    case 10: {
                            if (u !== 2)
                                break;
                            if (!(m.statements && m.statements.length))
                                m.statements = [];
                            m.statements.push($root.vigil.v1.StatementStat.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Batch message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.Batch
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.Batch & vigil.v1.Batch.$Shape} Batch
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Batch.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Batch message.
             * @function verify
             * @memberof vigil.v1.Batch
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Batch.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId")) {
                    if (!$util.isString(m.batchId))
                        return "batchId: string expected";
                }
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                    if (!$util.isInteger(m.seq) && !(m.seq && $util.isInteger(m.seq.low) && $util.isInteger(m.seq.high)))
                        return "seq: integer|Long expected";
                }
                if (m.database != null && $Object.hasOwnProperty.call(m, "database")) {
                    if (!$util.isString(m.database))
                        return "database: string expected";
                }
                if (m.windowStartMs != null && $Object.hasOwnProperty.call(m, "windowStartMs")) {
                    if (!$util.isInteger(m.windowStartMs) && !(m.windowStartMs && $util.isInteger(m.windowStartMs.low) && $util.isInteger(m.windowStartMs.high)))
                        return "windowStartMs: integer|Long expected";
                }
                if (m.windowEndMs != null && $Object.hasOwnProperty.call(m, "windowEndMs")) {
                    if (!$util.isInteger(m.windowEndMs) && !(m.windowEndMs && $util.isInteger(m.windowEndMs.low) && $util.isInteger(m.windowEndMs.high)))
                        return "windowEndMs: integer|Long expected";
                }
                if (m.statements != null && $Object.hasOwnProperty.call(m, "statements")) {
                    if (!$Array.isArray(m.statements))
                        return "statements: array expected";
                    for (var i = 0; i < m.statements.length; ++i) {
                        {
                            var e = $root.vigil.v1.StatementStat.verify(m.statements[i], q + 1);
                            if (e)
                                return "statements." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Creates a Batch message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Batch
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {vigil.v1.Batch} Batch
             */
            Batch.fromObject = function (d, q) {
                if (d instanceof $root.vigil.v1.Batch)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".vigil.v1.Batch: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.vigil.v1.Batch();
                if (d.batchId != null) {
                    if (typeof d.batchId !== "string" || d.batchId.length) {
                        m.batchId = $String(d.batchId);
                    }
                }
                if (d.seq != null) {
                    if (typeof d.seq === "object" ? d.seq.low || d.seq.high : $Number(d.seq) !== 0) {
                        if ($util.Long)
                            m.seq = $util.Long.fromValue(d.seq, true);
                        else if (typeof d.seq === "string")
                            m.seq = $parseInt(d.seq, 10);
                        else if (typeof d.seq === "number")
                            m.seq = d.seq;
                        else if (typeof d.seq === "object")
                            m.seq = new $util.LongBits(d.seq.low >>> 0, d.seq.high >>> 0).toNumber(true);
                    }
                }
                if (d.database != null) {
                    if (typeof d.database !== "string" || d.database.length) {
                        m.database = $String(d.database);
                    }
                }
                if (d.windowStartMs != null) {
                    if (typeof d.windowStartMs === "object" ? d.windowStartMs.low || d.windowStartMs.high : $Number(d.windowStartMs) !== 0) {
                        if ($util.Long)
                            m.windowStartMs = $util.Long.fromValue(d.windowStartMs, false);
                        else if (typeof d.windowStartMs === "string")
                            m.windowStartMs = $parseInt(d.windowStartMs, 10);
                        else if (typeof d.windowStartMs === "number")
                            m.windowStartMs = d.windowStartMs;
                        else if (typeof d.windowStartMs === "object")
                            m.windowStartMs = new $util.LongBits(d.windowStartMs.low >>> 0, d.windowStartMs.high >>> 0).toNumber();
                    }
                }
                if (d.windowEndMs != null) {
                    if (typeof d.windowEndMs === "object" ? d.windowEndMs.low || d.windowEndMs.high : $Number(d.windowEndMs) !== 0) {
                        if ($util.Long)
                            m.windowEndMs = $util.Long.fromValue(d.windowEndMs, false);
                        else if (typeof d.windowEndMs === "string")
                            m.windowEndMs = $parseInt(d.windowEndMs, 10);
                        else if (typeof d.windowEndMs === "number")
                            m.windowEndMs = d.windowEndMs;
                        else if (typeof d.windowEndMs === "object")
                            m.windowEndMs = new $util.LongBits(d.windowEndMs.low >>> 0, d.windowEndMs.high >>> 0).toNumber();
                    }
                }
                if (d.statements) {
                    if (!$Array.isArray(d.statements))
                        throw $TypeError(".vigil.v1.Batch.statements: array expected");
                    m.statements = $Array(d.statements.length);
                    for (var i = 0; i < d.statements.length; ++i) {
                        if (!$util.isObject(d.statements[i]))
                            throw $TypeError(".vigil.v1.Batch.statements: object expected");
                        m.statements[i] = $root.vigil.v1.StatementStat.fromObject(d.statements[i], q + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Batch message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Batch
             * @static
             * @param {vigil.v1.Batch} m Batch
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Batch.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.statements = [];
                }
                if (o.defaults) {
                    d.batchId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.database = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.windowStartMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.windowStartMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.windowEndMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.windowEndMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                }
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId")) {
                    d.batchId = m.batchId;
                }
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.seq = typeof m.seq === "number" ? $BigInt(m.seq) : $util.Long.fromBits(m.seq.low >>> 0, m.seq.high >>> 0, true).toBigInt();
                    else if (typeof m.seq === "number")
                        d.seq = o.longs === $String ? $String(m.seq) : m.seq;
                    else
                        d.seq = o.longs === $String ? $util.Long.prototype.toString.call(m.seq) : o.longs === $Number ? new $util.LongBits(m.seq.low >>> 0, m.seq.high >>> 0).toNumber(true) : m.seq;
                }
                if (m.database != null && $Object.hasOwnProperty.call(m, "database")) {
                    d.database = m.database;
                }
                if (m.windowStartMs != null && $Object.hasOwnProperty.call(m, "windowStartMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.windowStartMs = typeof m.windowStartMs === "number" ? $BigInt(m.windowStartMs) : $util.Long.fromBits(m.windowStartMs.low >>> 0, m.windowStartMs.high >>> 0, false).toBigInt();
                    else if (typeof m.windowStartMs === "number")
                        d.windowStartMs = o.longs === $String ? $String(m.windowStartMs) : m.windowStartMs;
                    else
                        d.windowStartMs = o.longs === $String ? $util.Long.prototype.toString.call(m.windowStartMs) : o.longs === $Number ? new $util.LongBits(m.windowStartMs.low >>> 0, m.windowStartMs.high >>> 0).toNumber() : m.windowStartMs;
                }
                if (m.windowEndMs != null && $Object.hasOwnProperty.call(m, "windowEndMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.windowEndMs = typeof m.windowEndMs === "number" ? $BigInt(m.windowEndMs) : $util.Long.fromBits(m.windowEndMs.low >>> 0, m.windowEndMs.high >>> 0, false).toBigInt();
                    else if (typeof m.windowEndMs === "number")
                        d.windowEndMs = o.longs === $String ? $String(m.windowEndMs) : m.windowEndMs;
                    else
                        d.windowEndMs = o.longs === $String ? $util.Long.prototype.toString.call(m.windowEndMs) : o.longs === $Number ? new $util.LongBits(m.windowEndMs.low >>> 0, m.windowEndMs.high >>> 0).toNumber() : m.windowEndMs;
                }
                if (m.statements && m.statements.length) {
                    d.statements = $Array(m.statements.length);
                    for (var j = 0; j < m.statements.length; ++j) {
                        d.statements[j] = $root.vigil.v1.StatementStat.toObject(m.statements[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this Batch to JSON.
             * @function toJSON
             * @memberof vigil.v1.Batch
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Batch.prototype.toJSON = function() {
                return Batch.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Batch
             * @function getTypeUrl
             * @memberof vigil.v1.Batch
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Batch.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.Batch";
            };

            return Batch;
        })();

        v1.StatementStat = (function() {

            /**
             * Properties of a StatementStat.
             * @typedef {Object} vigil.v1.StatementStat.$Properties
             * @property {string|null} [queryHash] StatementStat queryHash
             * @property {string|null} [queryText] StatementStat queryText
             * @property {number|null} [dbid] StatementStat dbid
             * @property {number|null} [userid] StatementStat userid
             * @property {string|null} [username] StatementStat username
             * @property {boolean|null} [toplevel] StatementStat toplevel
             * @property {number|null} [calls] StatementStat calls
             * @property {number|null} [totalTimeMs] StatementStat totalTimeMs
             * @property {number|null} [rows] StatementStat rows
             * @property {number|null} [sharedBlksHit] StatementStat sharedBlksHit
             * @property {number|null} [sharedBlksRead] StatementStat sharedBlksRead
             * @property {number|null} [sharedBlksDirtied] StatementStat sharedBlksDirtied
             * @property {number|null} [sharedBlksWritten] StatementStat sharedBlksWritten
             * @property {number|null} [tempBlksRead] StatementStat tempBlksRead
             * @property {number|null} [tempBlksWritten] StatementStat tempBlksWritten
             * @property {number|null} [blkReadTimeMs] StatementStat blkReadTimeMs
             * @property {number|null} [blkWriteTimeMs] StatementStat blkWriteTimeMs
             * @property {number|null} [totalPlanTimeMs] StatementStat totalPlanTimeMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a StatementStat.
             * @memberof vigil.v1
             * @interface IStatementStat
             * @augments vigil.v1.StatementStat.$Properties
             * @deprecated Use vigil.v1.StatementStat.$Properties instead.
             */

            /**
             * Shape of a StatementStat.
             * @typedef {vigil.v1.StatementStat.$Properties} vigil.v1.StatementStat.$Shape
             */

            /**
             * Constructs a new StatementStat.
             * @memberof vigil.v1
             * @classdesc Represents a StatementStat.
             * @constructor
             * @param {vigil.v1.StatementStat.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const StatementStat = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * StatementStat queryHash.
             * @member {string} queryHash
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.queryHash = "";

            /**
             * StatementStat queryText.
             * @member {string} queryText
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.queryText = "";

            /**
             * StatementStat dbid.
             * @member {number} dbid
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.dbid = 0;

            /**
             * StatementStat userid.
             * @member {number} userid
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.userid = 0;

            /**
             * StatementStat username.
             * @member {string} username
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.username = "";

            /**
             * StatementStat toplevel.
             * @member {boolean} toplevel
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.toplevel = false;

            /**
             * StatementStat calls.
             * @member {number} calls
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.calls = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatementStat totalTimeMs.
             * @member {number} totalTimeMs
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.totalTimeMs = 0;

            /**
             * StatementStat rows.
             * @member {number} rows
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.rows = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatementStat sharedBlksHit.
             * @member {number} sharedBlksHit
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.sharedBlksHit = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatementStat sharedBlksRead.
             * @member {number} sharedBlksRead
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.sharedBlksRead = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatementStat sharedBlksDirtied.
             * @member {number} sharedBlksDirtied
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.sharedBlksDirtied = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatementStat sharedBlksWritten.
             * @member {number} sharedBlksWritten
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.sharedBlksWritten = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatementStat tempBlksRead.
             * @member {number} tempBlksRead
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.tempBlksRead = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatementStat tempBlksWritten.
             * @member {number} tempBlksWritten
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.tempBlksWritten = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * StatementStat blkReadTimeMs.
             * @member {number} blkReadTimeMs
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.blkReadTimeMs = 0;

            /**
             * StatementStat blkWriteTimeMs.
             * @member {number} blkWriteTimeMs
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.blkWriteTimeMs = 0;

            /**
             * StatementStat totalPlanTimeMs.
             * @member {number} totalPlanTimeMs
             * @memberof vigil.v1.StatementStat
             * @instance
             */
            StatementStat.prototype.totalPlanTimeMs = 0;

            /**
             * Creates a new StatementStat instance using the specified properties.
             * @function create
             * @memberof vigil.v1.StatementStat
             * @static
             * @param {vigil.v1.StatementStat.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.StatementStat} StatementStat instance
             * @type {{
             *   (properties: vigil.v1.StatementStat.$Shape): vigil.v1.StatementStat & vigil.v1.StatementStat.$Shape;
             *   (properties?: vigil.v1.StatementStat.$Properties): vigil.v1.StatementStat;
             * }}
             */
            StatementStat.create = function(properties) {
                return new StatementStat(properties);
            };

            /**
             * Encodes the specified StatementStat message. Does not implicitly {@link vigil.v1.StatementStat.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.StatementStat
             * @static
             * @param {vigil.v1.StatementStat.$Properties} m StatementStat message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StatementStat.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.queryHash != null && $Object.hasOwnProperty.call(m, "queryHash") && m.queryHash !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.queryHash);
                if (m.queryText != null && $Object.hasOwnProperty.call(m, "queryText") && m.queryText !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.queryText);
                if (m.dbid != null && $Object.hasOwnProperty.call(m, "dbid") && m.dbid !== 0)
                    w.uint32(/* id 3, wireType 0 =*/24).uint32(m.dbid);
                if (m.userid != null && $Object.hasOwnProperty.call(m, "userid") && m.userid !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.userid);
                if (m.username != null && $Object.hasOwnProperty.call(m, "username") && m.username !== "")
                    w.uint32(/* id 5, wireType 2 =*/42).string(m.username);
                if (m.toplevel != null && $Object.hasOwnProperty.call(m, "toplevel") && m.toplevel !== false)
                    w.uint32(/* id 6, wireType 0 =*/48).bool(m.toplevel);
                if (m.calls != null && $Object.hasOwnProperty.call(m, "calls") && (typeof m.calls === "object" ? m.calls.low || m.calls.high : m.calls !== 0))
                    w.uint32(/* id 7, wireType 0 =*/56).uint64(m.calls);
                if (m.totalTimeMs != null && $Object.hasOwnProperty.call(m, "totalTimeMs") && !$Object.is(m.totalTimeMs, 0))
                    w.uint32(/* id 8, wireType 1 =*/65).double(m.totalTimeMs);
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows") && (typeof m.rows === "object" ? m.rows.low || m.rows.high : m.rows !== 0))
                    w.uint32(/* id 9, wireType 0 =*/72).uint64(m.rows);
                if (m.sharedBlksHit != null && $Object.hasOwnProperty.call(m, "sharedBlksHit") && (typeof m.sharedBlksHit === "object" ? m.sharedBlksHit.low || m.sharedBlksHit.high : m.sharedBlksHit !== 0))
                    w.uint32(/* id 10, wireType 0 =*/80).uint64(m.sharedBlksHit);
                if (m.sharedBlksRead != null && $Object.hasOwnProperty.call(m, "sharedBlksRead") && (typeof m.sharedBlksRead === "object" ? m.sharedBlksRead.low || m.sharedBlksRead.high : m.sharedBlksRead !== 0))
                    w.uint32(/* id 11, wireType 0 =*/88).uint64(m.sharedBlksRead);
                if (m.sharedBlksDirtied != null && $Object.hasOwnProperty.call(m, "sharedBlksDirtied") && (typeof m.sharedBlksDirtied === "object" ? m.sharedBlksDirtied.low || m.sharedBlksDirtied.high : m.sharedBlksDirtied !== 0))
                    w.uint32(/* id 12, wireType 0 =*/96).uint64(m.sharedBlksDirtied);
                if (m.sharedBlksWritten != null && $Object.hasOwnProperty.call(m, "sharedBlksWritten") && (typeof m.sharedBlksWritten === "object" ? m.sharedBlksWritten.low || m.sharedBlksWritten.high : m.sharedBlksWritten !== 0))
                    w.uint32(/* id 13, wireType 0 =*/104).uint64(m.sharedBlksWritten);
                if (m.tempBlksRead != null && $Object.hasOwnProperty.call(m, "tempBlksRead") && (typeof m.tempBlksRead === "object" ? m.tempBlksRead.low || m.tempBlksRead.high : m.tempBlksRead !== 0))
                    w.uint32(/* id 14, wireType 0 =*/112).uint64(m.tempBlksRead);
                if (m.tempBlksWritten != null && $Object.hasOwnProperty.call(m, "tempBlksWritten") && (typeof m.tempBlksWritten === "object" ? m.tempBlksWritten.low || m.tempBlksWritten.high : m.tempBlksWritten !== 0))
                    w.uint32(/* id 15, wireType 0 =*/120).uint64(m.tempBlksWritten);
                if (m.blkReadTimeMs != null && $Object.hasOwnProperty.call(m, "blkReadTimeMs") && !$Object.is(m.blkReadTimeMs, 0))
                    w.uint32(/* id 16, wireType 1 =*/129).double(m.blkReadTimeMs);
                if (m.blkWriteTimeMs != null && $Object.hasOwnProperty.call(m, "blkWriteTimeMs") && !$Object.is(m.blkWriteTimeMs, 0))
                    w.uint32(/* id 17, wireType 1 =*/137).double(m.blkWriteTimeMs);
                if (m.totalPlanTimeMs != null && $Object.hasOwnProperty.call(m, "totalPlanTimeMs") && !$Object.is(m.totalPlanTimeMs, 0))
                    w.uint32(/* id 18, wireType 1 =*/145).double(m.totalPlanTimeMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified StatementStat message, length delimited. Does not implicitly {@link vigil.v1.StatementStat.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.StatementStat
             * @static
             * @param {vigil.v1.StatementStat.$Properties} message StatementStat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            StatementStat.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a StatementStat message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.StatementStat
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {vigil.v1.StatementStat & vigil.v1.StatementStat.$Shape} StatementStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StatementStat.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.vigil.v1.StatementStat();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.queryHash = v;
                            else
                                delete m.queryHash;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.queryText = v;
                            else
                                delete m.queryText;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.dbid = v;
                            else
                                delete m.dbid;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.userid = v;
                            else
                                delete m.userid;
                            continue;
                        }
                    case 5: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.username = v;
                            else
                                delete m.username;
                            continue;
                        }
                    case 6: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.toplevel = v;
                            else
                                delete m.toplevel;
                            continue;
                        }
                    case 7: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.calls = v;
                            else
                                delete m.calls;
                            continue;
                        }
                    case 8: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.totalTimeMs = v;
                            else
                                delete m.totalTimeMs;
                            continue;
                        }
                    case 9: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.rows = v;
                            else
                                delete m.rows;
                            continue;
                        }
                    case 10: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sharedBlksHit = v;
                            else
                                delete m.sharedBlksHit;
                            continue;
                        }
                    case 11: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sharedBlksRead = v;
                            else
                                delete m.sharedBlksRead;
                            continue;
                        }
                    case 12: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sharedBlksDirtied = v;
                            else
                                delete m.sharedBlksDirtied;
                            continue;
                        }
                    case 13: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.sharedBlksWritten = v;
                            else
                                delete m.sharedBlksWritten;
                            continue;
                        }
                    case 14: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.tempBlksRead = v;
                            else
                                delete m.tempBlksRead;
                            continue;
                        }
                    case 15: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.tempBlksWritten = v;
                            else
                                delete m.tempBlksWritten;
                            continue;
                        }
                    case 16: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.blkReadTimeMs = v;
                            else
                                delete m.blkReadTimeMs;
                            continue;
                        }
                    case 17: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.blkWriteTimeMs = v;
                            else
                                delete m.blkWriteTimeMs;
                            continue;
                        }
                    case 18: {
                            if (u !== 1)
                                break;
                            if (!$Object.is(v = r.double(), 0))
                                m.totalPlanTimeMs = v;
                            else
                                delete m.totalPlanTimeMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a StatementStat message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.StatementStat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.StatementStat & vigil.v1.StatementStat.$Shape} StatementStat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            StatementStat.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a StatementStat message.
             * @function verify
             * @memberof vigil.v1.StatementStat
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            StatementStat.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.queryHash != null && $Object.hasOwnProperty.call(m, "queryHash")) {
                    if (!$util.isString(m.queryHash))
                        return "queryHash: string expected";
                }
                if (m.queryText != null && $Object.hasOwnProperty.call(m, "queryText")) {
                    if (!$util.isString(m.queryText))
                        return "queryText: string expected";
                }
                if (m.dbid != null && $Object.hasOwnProperty.call(m, "dbid")) {
                    if (!$util.isInteger(m.dbid))
                        return "dbid: integer expected";
                }
                if (m.userid != null && $Object.hasOwnProperty.call(m, "userid")) {
                    if (!$util.isInteger(m.userid))
                        return "userid: integer expected";
                }
                if (m.username != null && $Object.hasOwnProperty.call(m, "username")) {
                    if (!$util.isString(m.username))
                        return "username: string expected";
                }
                if (m.toplevel != null && $Object.hasOwnProperty.call(m, "toplevel")) {
                    if (typeof m.toplevel !== "boolean")
                        return "toplevel: boolean expected";
                }
                if (m.calls != null && $Object.hasOwnProperty.call(m, "calls")) {
                    if (!$util.isInteger(m.calls) && !(m.calls && $util.isInteger(m.calls.low) && $util.isInteger(m.calls.high)))
                        return "calls: integer|Long expected";
                }
                if (m.totalTimeMs != null && $Object.hasOwnProperty.call(m, "totalTimeMs")) {
                    if (typeof m.totalTimeMs !== "number")
                        return "totalTimeMs: number expected";
                }
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows")) {
                    if (!$util.isInteger(m.rows) && !(m.rows && $util.isInteger(m.rows.low) && $util.isInteger(m.rows.high)))
                        return "rows: integer|Long expected";
                }
                if (m.sharedBlksHit != null && $Object.hasOwnProperty.call(m, "sharedBlksHit")) {
                    if (!$util.isInteger(m.sharedBlksHit) && !(m.sharedBlksHit && $util.isInteger(m.sharedBlksHit.low) && $util.isInteger(m.sharedBlksHit.high)))
                        return "sharedBlksHit: integer|Long expected";
                }
                if (m.sharedBlksRead != null && $Object.hasOwnProperty.call(m, "sharedBlksRead")) {
                    if (!$util.isInteger(m.sharedBlksRead) && !(m.sharedBlksRead && $util.isInteger(m.sharedBlksRead.low) && $util.isInteger(m.sharedBlksRead.high)))
                        return "sharedBlksRead: integer|Long expected";
                }
                if (m.sharedBlksDirtied != null && $Object.hasOwnProperty.call(m, "sharedBlksDirtied")) {
                    if (!$util.isInteger(m.sharedBlksDirtied) && !(m.sharedBlksDirtied && $util.isInteger(m.sharedBlksDirtied.low) && $util.isInteger(m.sharedBlksDirtied.high)))
                        return "sharedBlksDirtied: integer|Long expected";
                }
                if (m.sharedBlksWritten != null && $Object.hasOwnProperty.call(m, "sharedBlksWritten")) {
                    if (!$util.isInteger(m.sharedBlksWritten) && !(m.sharedBlksWritten && $util.isInteger(m.sharedBlksWritten.low) && $util.isInteger(m.sharedBlksWritten.high)))
                        return "sharedBlksWritten: integer|Long expected";
                }
                if (m.tempBlksRead != null && $Object.hasOwnProperty.call(m, "tempBlksRead")) {
                    if (!$util.isInteger(m.tempBlksRead) && !(m.tempBlksRead && $util.isInteger(m.tempBlksRead.low) && $util.isInteger(m.tempBlksRead.high)))
                        return "tempBlksRead: integer|Long expected";
                }
                if (m.tempBlksWritten != null && $Object.hasOwnProperty.call(m, "tempBlksWritten")) {
                    if (!$util.isInteger(m.tempBlksWritten) && !(m.tempBlksWritten && $util.isInteger(m.tempBlksWritten.low) && $util.isInteger(m.tempBlksWritten.high)))
                        return "tempBlksWritten: integer|Long expected";
                }
                if (m.blkReadTimeMs != null && $Object.hasOwnProperty.call(m, "blkReadTimeMs")) {
                    if (typeof m.blkReadTimeMs !== "number")
                        return "blkReadTimeMs: number expected";
                }
                if (m.blkWriteTimeMs != null && $Object.hasOwnProperty.call(m, "blkWriteTimeMs")) {
                    if (typeof m.blkWriteTimeMs !== "number")
                        return "blkWriteTimeMs: number expected";
                }
                if (m.totalPlanTimeMs != null && $Object.hasOwnProperty.call(m, "totalPlanTimeMs")) {
                    if (typeof m.totalPlanTimeMs !== "number")
                        return "totalPlanTimeMs: number expected";
                }
                return null;
            };

            /**
             * Creates a StatementStat message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.StatementStat
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {vigil.v1.StatementStat} StatementStat
             */
            StatementStat.fromObject = function (d, q) {
                if (d instanceof $root.vigil.v1.StatementStat)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".vigil.v1.StatementStat: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.vigil.v1.StatementStat();
                if (d.queryHash != null) {
                    if (typeof d.queryHash !== "string" || d.queryHash.length) {
                        m.queryHash = $String(d.queryHash);
                    }
                }
                if (d.queryText != null) {
                    if (typeof d.queryText !== "string" || d.queryText.length) {
                        m.queryText = $String(d.queryText);
                    }
                }
                if (d.dbid != null) {
                    if ($Number(d.dbid) !== 0) {
                        m.dbid = d.dbid >>> 0;
                    }
                }
                if (d.userid != null) {
                    if ($Number(d.userid) !== 0) {
                        m.userid = d.userid >>> 0;
                    }
                }
                if (d.username != null) {
                    if (typeof d.username !== "string" || d.username.length) {
                        m.username = $String(d.username);
                    }
                }
                if (d.toplevel != null) {
                    if (d.toplevel) {
                        m.toplevel = $Boolean(d.toplevel);
                    }
                }
                if (d.calls != null) {
                    if (typeof d.calls === "object" ? d.calls.low || d.calls.high : $Number(d.calls) !== 0) {
                        if ($util.Long)
                            m.calls = $util.Long.fromValue(d.calls, true);
                        else if (typeof d.calls === "string")
                            m.calls = $parseInt(d.calls, 10);
                        else if (typeof d.calls === "number")
                            m.calls = d.calls;
                        else if (typeof d.calls === "object")
                            m.calls = new $util.LongBits(d.calls.low >>> 0, d.calls.high >>> 0).toNumber(true);
                    }
                }
                if (d.totalTimeMs != null) {
                    if (!$Object.is($Number(d.totalTimeMs), 0)) {
                        m.totalTimeMs = $Number(d.totalTimeMs);
                    }
                }
                if (d.rows != null) {
                    if (typeof d.rows === "object" ? d.rows.low || d.rows.high : $Number(d.rows) !== 0) {
                        if ($util.Long)
                            m.rows = $util.Long.fromValue(d.rows, true);
                        else if (typeof d.rows === "string")
                            m.rows = $parseInt(d.rows, 10);
                        else if (typeof d.rows === "number")
                            m.rows = d.rows;
                        else if (typeof d.rows === "object")
                            m.rows = new $util.LongBits(d.rows.low >>> 0, d.rows.high >>> 0).toNumber(true);
                    }
                }
                if (d.sharedBlksHit != null) {
                    if (typeof d.sharedBlksHit === "object" ? d.sharedBlksHit.low || d.sharedBlksHit.high : $Number(d.sharedBlksHit) !== 0) {
                        if ($util.Long)
                            m.sharedBlksHit = $util.Long.fromValue(d.sharedBlksHit, true);
                        else if (typeof d.sharedBlksHit === "string")
                            m.sharedBlksHit = $parseInt(d.sharedBlksHit, 10);
                        else if (typeof d.sharedBlksHit === "number")
                            m.sharedBlksHit = d.sharedBlksHit;
                        else if (typeof d.sharedBlksHit === "object")
                            m.sharedBlksHit = new $util.LongBits(d.sharedBlksHit.low >>> 0, d.sharedBlksHit.high >>> 0).toNumber(true);
                    }
                }
                if (d.sharedBlksRead != null) {
                    if (typeof d.sharedBlksRead === "object" ? d.sharedBlksRead.low || d.sharedBlksRead.high : $Number(d.sharedBlksRead) !== 0) {
                        if ($util.Long)
                            m.sharedBlksRead = $util.Long.fromValue(d.sharedBlksRead, true);
                        else if (typeof d.sharedBlksRead === "string")
                            m.sharedBlksRead = $parseInt(d.sharedBlksRead, 10);
                        else if (typeof d.sharedBlksRead === "number")
                            m.sharedBlksRead = d.sharedBlksRead;
                        else if (typeof d.sharedBlksRead === "object")
                            m.sharedBlksRead = new $util.LongBits(d.sharedBlksRead.low >>> 0, d.sharedBlksRead.high >>> 0).toNumber(true);
                    }
                }
                if (d.sharedBlksDirtied != null) {
                    if (typeof d.sharedBlksDirtied === "object" ? d.sharedBlksDirtied.low || d.sharedBlksDirtied.high : $Number(d.sharedBlksDirtied) !== 0) {
                        if ($util.Long)
                            m.sharedBlksDirtied = $util.Long.fromValue(d.sharedBlksDirtied, true);
                        else if (typeof d.sharedBlksDirtied === "string")
                            m.sharedBlksDirtied = $parseInt(d.sharedBlksDirtied, 10);
                        else if (typeof d.sharedBlksDirtied === "number")
                            m.sharedBlksDirtied = d.sharedBlksDirtied;
                        else if (typeof d.sharedBlksDirtied === "object")
                            m.sharedBlksDirtied = new $util.LongBits(d.sharedBlksDirtied.low >>> 0, d.sharedBlksDirtied.high >>> 0).toNumber(true);
                    }
                }
                if (d.sharedBlksWritten != null) {
                    if (typeof d.sharedBlksWritten === "object" ? d.sharedBlksWritten.low || d.sharedBlksWritten.high : $Number(d.sharedBlksWritten) !== 0) {
                        if ($util.Long)
                            m.sharedBlksWritten = $util.Long.fromValue(d.sharedBlksWritten, true);
                        else if (typeof d.sharedBlksWritten === "string")
                            m.sharedBlksWritten = $parseInt(d.sharedBlksWritten, 10);
                        else if (typeof d.sharedBlksWritten === "number")
                            m.sharedBlksWritten = d.sharedBlksWritten;
                        else if (typeof d.sharedBlksWritten === "object")
                            m.sharedBlksWritten = new $util.LongBits(d.sharedBlksWritten.low >>> 0, d.sharedBlksWritten.high >>> 0).toNumber(true);
                    }
                }
                if (d.tempBlksRead != null) {
                    if (typeof d.tempBlksRead === "object" ? d.tempBlksRead.low || d.tempBlksRead.high : $Number(d.tempBlksRead) !== 0) {
                        if ($util.Long)
                            m.tempBlksRead = $util.Long.fromValue(d.tempBlksRead, true);
                        else if (typeof d.tempBlksRead === "string")
                            m.tempBlksRead = $parseInt(d.tempBlksRead, 10);
                        else if (typeof d.tempBlksRead === "number")
                            m.tempBlksRead = d.tempBlksRead;
                        else if (typeof d.tempBlksRead === "object")
                            m.tempBlksRead = new $util.LongBits(d.tempBlksRead.low >>> 0, d.tempBlksRead.high >>> 0).toNumber(true);
                    }
                }
                if (d.tempBlksWritten != null) {
                    if (typeof d.tempBlksWritten === "object" ? d.tempBlksWritten.low || d.tempBlksWritten.high : $Number(d.tempBlksWritten) !== 0) {
                        if ($util.Long)
                            m.tempBlksWritten = $util.Long.fromValue(d.tempBlksWritten, true);
                        else if (typeof d.tempBlksWritten === "string")
                            m.tempBlksWritten = $parseInt(d.tempBlksWritten, 10);
                        else if (typeof d.tempBlksWritten === "number")
                            m.tempBlksWritten = d.tempBlksWritten;
                        else if (typeof d.tempBlksWritten === "object")
                            m.tempBlksWritten = new $util.LongBits(d.tempBlksWritten.low >>> 0, d.tempBlksWritten.high >>> 0).toNumber(true);
                    }
                }
                if (d.blkReadTimeMs != null) {
                    if (!$Object.is($Number(d.blkReadTimeMs), 0)) {
                        m.blkReadTimeMs = $Number(d.blkReadTimeMs);
                    }
                }
                if (d.blkWriteTimeMs != null) {
                    if (!$Object.is($Number(d.blkWriteTimeMs), 0)) {
                        m.blkWriteTimeMs = $Number(d.blkWriteTimeMs);
                    }
                }
                if (d.totalPlanTimeMs != null) {
                    if (!$Object.is($Number(d.totalPlanTimeMs), 0)) {
                        m.totalPlanTimeMs = $Number(d.totalPlanTimeMs);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a StatementStat message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.StatementStat
             * @static
             * @param {vigil.v1.StatementStat} m StatementStat
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            StatementStat.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.queryHash = "";
                    d.queryText = "";
                    d.dbid = 0;
                    d.userid = 0;
                    d.username = "";
                    d.toplevel = false;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.calls = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.calls = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.totalTimeMs = 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.rows = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.rows = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sharedBlksHit = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sharedBlksHit = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sharedBlksRead = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sharedBlksRead = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sharedBlksDirtied = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sharedBlksDirtied = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.sharedBlksWritten = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sharedBlksWritten = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.tempBlksRead = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.tempBlksRead = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.tempBlksWritten = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.tempBlksWritten = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.blkReadTimeMs = 0;
                    d.blkWriteTimeMs = 0;
                    d.totalPlanTimeMs = 0;
                }
                if (m.queryHash != null && $Object.hasOwnProperty.call(m, "queryHash")) {
                    d.queryHash = m.queryHash;
                }
                if (m.queryText != null && $Object.hasOwnProperty.call(m, "queryText")) {
                    d.queryText = m.queryText;
                }
                if (m.dbid != null && $Object.hasOwnProperty.call(m, "dbid")) {
                    d.dbid = m.dbid;
                }
                if (m.userid != null && $Object.hasOwnProperty.call(m, "userid")) {
                    d.userid = m.userid;
                }
                if (m.username != null && $Object.hasOwnProperty.call(m, "username")) {
                    d.username = m.username;
                }
                if (m.toplevel != null && $Object.hasOwnProperty.call(m, "toplevel")) {
                    d.toplevel = m.toplevel;
                }
                if (m.calls != null && $Object.hasOwnProperty.call(m, "calls")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.calls = typeof m.calls === "number" ? $BigInt(m.calls) : $util.Long.fromBits(m.calls.low >>> 0, m.calls.high >>> 0, true).toBigInt();
                    else if (typeof m.calls === "number")
                        d.calls = o.longs === $String ? $String(m.calls) : m.calls;
                    else
                        d.calls = o.longs === $String ? $util.Long.prototype.toString.call(m.calls) : o.longs === $Number ? new $util.LongBits(m.calls.low >>> 0, m.calls.high >>> 0).toNumber(true) : m.calls;
                }
                if (m.totalTimeMs != null && $Object.hasOwnProperty.call(m, "totalTimeMs")) {
                    d.totalTimeMs = o.json && !$isFinite(m.totalTimeMs) ? $String(m.totalTimeMs) : m.totalTimeMs;
                }
                if (m.rows != null && $Object.hasOwnProperty.call(m, "rows")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.rows = typeof m.rows === "number" ? $BigInt(m.rows) : $util.Long.fromBits(m.rows.low >>> 0, m.rows.high >>> 0, true).toBigInt();
                    else if (typeof m.rows === "number")
                        d.rows = o.longs === $String ? $String(m.rows) : m.rows;
                    else
                        d.rows = o.longs === $String ? $util.Long.prototype.toString.call(m.rows) : o.longs === $Number ? new $util.LongBits(m.rows.low >>> 0, m.rows.high >>> 0).toNumber(true) : m.rows;
                }
                if (m.sharedBlksHit != null && $Object.hasOwnProperty.call(m, "sharedBlksHit")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sharedBlksHit = typeof m.sharedBlksHit === "number" ? $BigInt(m.sharedBlksHit) : $util.Long.fromBits(m.sharedBlksHit.low >>> 0, m.sharedBlksHit.high >>> 0, true).toBigInt();
                    else if (typeof m.sharedBlksHit === "number")
                        d.sharedBlksHit = o.longs === $String ? $String(m.sharedBlksHit) : m.sharedBlksHit;
                    else
                        d.sharedBlksHit = o.longs === $String ? $util.Long.prototype.toString.call(m.sharedBlksHit) : o.longs === $Number ? new $util.LongBits(m.sharedBlksHit.low >>> 0, m.sharedBlksHit.high >>> 0).toNumber(true) : m.sharedBlksHit;
                }
                if (m.sharedBlksRead != null && $Object.hasOwnProperty.call(m, "sharedBlksRead")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sharedBlksRead = typeof m.sharedBlksRead === "number" ? $BigInt(m.sharedBlksRead) : $util.Long.fromBits(m.sharedBlksRead.low >>> 0, m.sharedBlksRead.high >>> 0, true).toBigInt();
                    else if (typeof m.sharedBlksRead === "number")
                        d.sharedBlksRead = o.longs === $String ? $String(m.sharedBlksRead) : m.sharedBlksRead;
                    else
                        d.sharedBlksRead = o.longs === $String ? $util.Long.prototype.toString.call(m.sharedBlksRead) : o.longs === $Number ? new $util.LongBits(m.sharedBlksRead.low >>> 0, m.sharedBlksRead.high >>> 0).toNumber(true) : m.sharedBlksRead;
                }
                if (m.sharedBlksDirtied != null && $Object.hasOwnProperty.call(m, "sharedBlksDirtied")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sharedBlksDirtied = typeof m.sharedBlksDirtied === "number" ? $BigInt(m.sharedBlksDirtied) : $util.Long.fromBits(m.sharedBlksDirtied.low >>> 0, m.sharedBlksDirtied.high >>> 0, true).toBigInt();
                    else if (typeof m.sharedBlksDirtied === "number")
                        d.sharedBlksDirtied = o.longs === $String ? $String(m.sharedBlksDirtied) : m.sharedBlksDirtied;
                    else
                        d.sharedBlksDirtied = o.longs === $String ? $util.Long.prototype.toString.call(m.sharedBlksDirtied) : o.longs === $Number ? new $util.LongBits(m.sharedBlksDirtied.low >>> 0, m.sharedBlksDirtied.high >>> 0).toNumber(true) : m.sharedBlksDirtied;
                }
                if (m.sharedBlksWritten != null && $Object.hasOwnProperty.call(m, "sharedBlksWritten")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sharedBlksWritten = typeof m.sharedBlksWritten === "number" ? $BigInt(m.sharedBlksWritten) : $util.Long.fromBits(m.sharedBlksWritten.low >>> 0, m.sharedBlksWritten.high >>> 0, true).toBigInt();
                    else if (typeof m.sharedBlksWritten === "number")
                        d.sharedBlksWritten = o.longs === $String ? $String(m.sharedBlksWritten) : m.sharedBlksWritten;
                    else
                        d.sharedBlksWritten = o.longs === $String ? $util.Long.prototype.toString.call(m.sharedBlksWritten) : o.longs === $Number ? new $util.LongBits(m.sharedBlksWritten.low >>> 0, m.sharedBlksWritten.high >>> 0).toNumber(true) : m.sharedBlksWritten;
                }
                if (m.tempBlksRead != null && $Object.hasOwnProperty.call(m, "tempBlksRead")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.tempBlksRead = typeof m.tempBlksRead === "number" ? $BigInt(m.tempBlksRead) : $util.Long.fromBits(m.tempBlksRead.low >>> 0, m.tempBlksRead.high >>> 0, true).toBigInt();
                    else if (typeof m.tempBlksRead === "number")
                        d.tempBlksRead = o.longs === $String ? $String(m.tempBlksRead) : m.tempBlksRead;
                    else
                        d.tempBlksRead = o.longs === $String ? $util.Long.prototype.toString.call(m.tempBlksRead) : o.longs === $Number ? new $util.LongBits(m.tempBlksRead.low >>> 0, m.tempBlksRead.high >>> 0).toNumber(true) : m.tempBlksRead;
                }
                if (m.tempBlksWritten != null && $Object.hasOwnProperty.call(m, "tempBlksWritten")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.tempBlksWritten = typeof m.tempBlksWritten === "number" ? $BigInt(m.tempBlksWritten) : $util.Long.fromBits(m.tempBlksWritten.low >>> 0, m.tempBlksWritten.high >>> 0, true).toBigInt();
                    else if (typeof m.tempBlksWritten === "number")
                        d.tempBlksWritten = o.longs === $String ? $String(m.tempBlksWritten) : m.tempBlksWritten;
                    else
                        d.tempBlksWritten = o.longs === $String ? $util.Long.prototype.toString.call(m.tempBlksWritten) : o.longs === $Number ? new $util.LongBits(m.tempBlksWritten.low >>> 0, m.tempBlksWritten.high >>> 0).toNumber(true) : m.tempBlksWritten;
                }
                if (m.blkReadTimeMs != null && $Object.hasOwnProperty.call(m, "blkReadTimeMs")) {
                    d.blkReadTimeMs = o.json && !$isFinite(m.blkReadTimeMs) ? $String(m.blkReadTimeMs) : m.blkReadTimeMs;
                }
                if (m.blkWriteTimeMs != null && $Object.hasOwnProperty.call(m, "blkWriteTimeMs")) {
                    d.blkWriteTimeMs = o.json && !$isFinite(m.blkWriteTimeMs) ? $String(m.blkWriteTimeMs) : m.blkWriteTimeMs;
                }
                if (m.totalPlanTimeMs != null && $Object.hasOwnProperty.call(m, "totalPlanTimeMs")) {
                    d.totalPlanTimeMs = o.json && !$isFinite(m.totalPlanTimeMs) ? $String(m.totalPlanTimeMs) : m.totalPlanTimeMs;
                }
                return d;
            };

            /**
             * Converts this StatementStat to JSON.
             * @function toJSON
             * @memberof vigil.v1.StatementStat
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            StatementStat.prototype.toJSON = function() {
                return StatementStat.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for StatementStat
             * @function getTypeUrl
             * @memberof vigil.v1.StatementStat
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            StatementStat.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.StatementStat";
            };

            return StatementStat;
        })();

        v1.Heartbeat = (function() {

            /**
             * Properties of a Heartbeat.
             * @typedef {Object} vigil.v1.Heartbeat.$Properties
             * @property {number|null} [sentAtMs] Heartbeat sentAtMs
             * @property {number|null} [pendingBatches] Heartbeat pendingBatches
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Heartbeat.
             * @memberof vigil.v1
             * @interface IHeartbeat
             * @augments vigil.v1.Heartbeat.$Properties
             * @deprecated Use vigil.v1.Heartbeat.$Properties instead.
             */

            /**
             * Shape of a Heartbeat.
             * @typedef {vigil.v1.Heartbeat.$Properties} vigil.v1.Heartbeat.$Shape
             */

            /**
             * Constructs a new Heartbeat.
             * @memberof vigil.v1
             * @classdesc Represents a Heartbeat.
             * @constructor
             * @param {vigil.v1.Heartbeat.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Heartbeat = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Heartbeat sentAtMs.
             * @member {number} sentAtMs
             * @memberof vigil.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.sentAtMs = $util.Long ? $util.Long.fromBits(0,0,false) : 0;

            /**
             * Heartbeat pendingBatches.
             * @member {number} pendingBatches
             * @memberof vigil.v1.Heartbeat
             * @instance
             */
            Heartbeat.prototype.pendingBatches = 0;

            /**
             * Creates a new Heartbeat instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {vigil.v1.Heartbeat.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.Heartbeat} Heartbeat instance
             * @type {{
             *   (properties: vigil.v1.Heartbeat.$Shape): vigil.v1.Heartbeat & vigil.v1.Heartbeat.$Shape;
             *   (properties?: vigil.v1.Heartbeat.$Properties): vigil.v1.Heartbeat;
             * }}
             */
            Heartbeat.create = function(properties) {
                return new Heartbeat(properties);
            };

            /**
             * Encodes the specified Heartbeat message. Does not implicitly {@link vigil.v1.Heartbeat.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {vigil.v1.Heartbeat.$Properties} m Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs") && (typeof m.sentAtMs === "object" ? m.sentAtMs.low || m.sentAtMs.high : m.sentAtMs !== 0))
                    w.uint32(/* id 1, wireType 0 =*/8).int64(m.sentAtMs);
                if (m.pendingBatches != null && $Object.hasOwnProperty.call(m, "pendingBatches") && m.pendingBatches !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.pendingBatches);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Heartbeat message, length delimited. Does not implicitly {@link vigil.v1.Heartbeat.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {vigil.v1.Heartbeat.$Properties} message Heartbeat message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Heartbeat.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {vigil.v1.Heartbeat & vigil.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.vigil.v1.Heartbeat();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.int64()) === "object" ? v.low || v.high : v !== 0)
                                m.sentAtMs = v;
                            else
                                delete m.sentAtMs;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.pendingBatches = v;
                            else
                                delete m.pendingBatches;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Heartbeat message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.Heartbeat & vigil.v1.Heartbeat.$Shape} Heartbeat
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Heartbeat.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Heartbeat message.
             * @function verify
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Heartbeat.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs")) {
                    if (!$util.isInteger(m.sentAtMs) && !(m.sentAtMs && $util.isInteger(m.sentAtMs.low) && $util.isInteger(m.sentAtMs.high)))
                        return "sentAtMs: integer|Long expected";
                }
                if (m.pendingBatches != null && $Object.hasOwnProperty.call(m, "pendingBatches")) {
                    if (!$util.isInteger(m.pendingBatches))
                        return "pendingBatches: integer expected";
                }
                return null;
            };

            /**
             * Creates a Heartbeat message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {vigil.v1.Heartbeat} Heartbeat
             */
            Heartbeat.fromObject = function (d, q) {
                if (d instanceof $root.vigil.v1.Heartbeat)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".vigil.v1.Heartbeat: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.vigil.v1.Heartbeat();
                if (d.sentAtMs != null) {
                    if (typeof d.sentAtMs === "object" ? d.sentAtMs.low || d.sentAtMs.high : $Number(d.sentAtMs) !== 0) {
                        if ($util.Long)
                            m.sentAtMs = $util.Long.fromValue(d.sentAtMs, false);
                        else if (typeof d.sentAtMs === "string")
                            m.sentAtMs = $parseInt(d.sentAtMs, 10);
                        else if (typeof d.sentAtMs === "number")
                            m.sentAtMs = d.sentAtMs;
                        else if (typeof d.sentAtMs === "object")
                            m.sentAtMs = new $util.LongBits(d.sentAtMs.low >>> 0, d.sentAtMs.high >>> 0).toNumber();
                    }
                }
                if (d.pendingBatches != null) {
                    if ($Number(d.pendingBatches) !== 0) {
                        m.pendingBatches = d.pendingBatches >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Heartbeat message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {vigil.v1.Heartbeat} m Heartbeat
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Heartbeat.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, false);
                        d.sentAtMs = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.sentAtMs = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.pendingBatches = 0;
                }
                if (m.sentAtMs != null && $Object.hasOwnProperty.call(m, "sentAtMs")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.sentAtMs = typeof m.sentAtMs === "number" ? $BigInt(m.sentAtMs) : $util.Long.fromBits(m.sentAtMs.low >>> 0, m.sentAtMs.high >>> 0, false).toBigInt();
                    else if (typeof m.sentAtMs === "number")
                        d.sentAtMs = o.longs === $String ? $String(m.sentAtMs) : m.sentAtMs;
                    else
                        d.sentAtMs = o.longs === $String ? $util.Long.prototype.toString.call(m.sentAtMs) : o.longs === $Number ? new $util.LongBits(m.sentAtMs.low >>> 0, m.sentAtMs.high >>> 0).toNumber() : m.sentAtMs;
                }
                if (m.pendingBatches != null && $Object.hasOwnProperty.call(m, "pendingBatches")) {
                    d.pendingBatches = m.pendingBatches;
                }
                return d;
            };

            /**
             * Converts this Heartbeat to JSON.
             * @function toJSON
             * @memberof vigil.v1.Heartbeat
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Heartbeat.prototype.toJSON = function() {
                return Heartbeat.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Heartbeat
             * @function getTypeUrl
             * @memberof vigil.v1.Heartbeat
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Heartbeat.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.Heartbeat";
            };

            return Heartbeat;
        })();

        v1.CommandResult = (function() {

            /**
             * Properties of a CommandResult.
             * @typedef {Object} vigil.v1.CommandResult.$Properties
             * @property {string|null} [requestId] CommandResult requestId
             * @property {boolean|null} [ok] CommandResult ok
             * @property {string|null} [resultJson] CommandResult resultJson
             * @property {string|null} [error] CommandResult error
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a CommandResult.
             * @memberof vigil.v1
             * @interface ICommandResult
             * @augments vigil.v1.CommandResult.$Properties
             * @deprecated Use vigil.v1.CommandResult.$Properties instead.
             */

            /**
             * Shape of a CommandResult.
             * @typedef {vigil.v1.CommandResult.$Properties} vigil.v1.CommandResult.$Shape
             */

            /**
             * Constructs a new CommandResult.
             * @memberof vigil.v1
             * @classdesc Represents a CommandResult.
             * @constructor
             * @param {vigil.v1.CommandResult.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const CommandResult = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * CommandResult requestId.
             * @member {string} requestId
             * @memberof vigil.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.requestId = "";

            /**
             * CommandResult ok.
             * @member {boolean} ok
             * @memberof vigil.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.ok = false;

            /**
             * CommandResult resultJson.
             * @member {string} resultJson
             * @memberof vigil.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.resultJson = "";

            /**
             * CommandResult error.
             * @member {string} error
             * @memberof vigil.v1.CommandResult
             * @instance
             */
            CommandResult.prototype.error = "";

            /**
             * Creates a new CommandResult instance using the specified properties.
             * @function create
             * @memberof vigil.v1.CommandResult
             * @static
             * @param {vigil.v1.CommandResult.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.CommandResult} CommandResult instance
             * @type {{
             *   (properties: vigil.v1.CommandResult.$Shape): vigil.v1.CommandResult & vigil.v1.CommandResult.$Shape;
             *   (properties?: vigil.v1.CommandResult.$Properties): vigil.v1.CommandResult;
             * }}
             */
            CommandResult.create = function(properties) {
                return new CommandResult(properties);
            };

            /**
             * Encodes the specified CommandResult message. Does not implicitly {@link vigil.v1.CommandResult.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.CommandResult
             * @static
             * @param {vigil.v1.CommandResult.$Properties} m CommandResult message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CommandResult.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId") && m.requestId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.requestId);
                if (m.ok != null && $Object.hasOwnProperty.call(m, "ok") && m.ok !== false)
                    w.uint32(/* id 2, wireType 0 =*/16).bool(m.ok);
                if (m.resultJson != null && $Object.hasOwnProperty.call(m, "resultJson") && m.resultJson !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.resultJson);
                if (m.error != null && $Object.hasOwnProperty.call(m, "error") && m.error !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.error);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified CommandResult message, length delimited. Does not implicitly {@link vigil.v1.CommandResult.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.CommandResult
             * @static
             * @param {vigil.v1.CommandResult.$Properties} message CommandResult message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            CommandResult.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a CommandResult message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.CommandResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {vigil.v1.CommandResult & vigil.v1.CommandResult.$Shape} CommandResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CommandResult.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.vigil.v1.CommandResult();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.requestId = v;
                            else
                                delete m.requestId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.ok = v;
                            else
                                delete m.ok;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.resultJson = v;
                            else
                                delete m.resultJson;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.error = v;
                            else
                                delete m.error;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a CommandResult message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.CommandResult
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.CommandResult & vigil.v1.CommandResult.$Shape} CommandResult
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            CommandResult.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a CommandResult message.
             * @function verify
             * @memberof vigil.v1.CommandResult
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            CommandResult.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId")) {
                    if (!$util.isString(m.requestId))
                        return "requestId: string expected";
                }
                if (m.ok != null && $Object.hasOwnProperty.call(m, "ok")) {
                    if (typeof m.ok !== "boolean")
                        return "ok: boolean expected";
                }
                if (m.resultJson != null && $Object.hasOwnProperty.call(m, "resultJson")) {
                    if (!$util.isString(m.resultJson))
                        return "resultJson: string expected";
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    if (!$util.isString(m.error))
                        return "error: string expected";
                }
                return null;
            };

            /**
             * Creates a CommandResult message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.CommandResult
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {vigil.v1.CommandResult} CommandResult
             */
            CommandResult.fromObject = function (d, q) {
                if (d instanceof $root.vigil.v1.CommandResult)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".vigil.v1.CommandResult: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.vigil.v1.CommandResult();
                if (d.requestId != null) {
                    if (typeof d.requestId !== "string" || d.requestId.length) {
                        m.requestId = $String(d.requestId);
                    }
                }
                if (d.ok != null) {
                    if (d.ok) {
                        m.ok = $Boolean(d.ok);
                    }
                }
                if (d.resultJson != null) {
                    if (typeof d.resultJson !== "string" || d.resultJson.length) {
                        m.resultJson = $String(d.resultJson);
                    }
                }
                if (d.error != null) {
                    if (typeof d.error !== "string" || d.error.length) {
                        m.error = $String(d.error);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a CommandResult message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.CommandResult
             * @static
             * @param {vigil.v1.CommandResult} m CommandResult
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            CommandResult.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.requestId = "";
                    d.ok = false;
                    d.resultJson = "";
                    d.error = "";
                }
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId")) {
                    d.requestId = m.requestId;
                }
                if (m.ok != null && $Object.hasOwnProperty.call(m, "ok")) {
                    d.ok = m.ok;
                }
                if (m.resultJson != null && $Object.hasOwnProperty.call(m, "resultJson")) {
                    d.resultJson = m.resultJson;
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    d.error = m.error;
                }
                return d;
            };

            /**
             * Converts this CommandResult to JSON.
             * @function toJSON
             * @memberof vigil.v1.CommandResult
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            CommandResult.prototype.toJSON = function() {
                return CommandResult.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for CommandResult
             * @function getTypeUrl
             * @memberof vigil.v1.CommandResult
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            CommandResult.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.CommandResult";
            };

            return CommandResult;
        })();

        v1.ServerMessage = (function() {

            /**
             * Properties of a ServerMessage.
             * @typedef {Object} vigil.v1.ServerMessage.$Properties
             * @property {vigil.v1.Welcome.$Properties|null} [welcome] ServerMessage welcome
             * @property {vigil.v1.Ack.$Properties|null} [ack] ServerMessage ack
             * @property {vigil.v1.Command.$Properties|null} [command] ServerMessage command
             * @property {vigil.v1.Error.$Properties|null} [error] ServerMessage error
             * @property {"welcome"|"ack"|"command"|"error"} [kind] ServerMessage kind
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a ServerMessage.
             * @memberof vigil.v1
             * @interface IServerMessage
             * @augments vigil.v1.ServerMessage.$Properties
             * @deprecated Use vigil.v1.ServerMessage.$Properties instead.
             */

            /**
             * Narrowed shape of a ServerMessage.
             * @typedef {{
             *   welcome?: vigil.v1.Welcome.$Shape|null;
             *   ack?: vigil.v1.Ack.$Shape|null;
             *   command?: vigil.v1.Command.$Shape|null;
             *   error?: vigil.v1.Error.$Shape|null;
             *   $unknowns?: Array.<Uint8Array>;
             * } & (
             *   ({ kind?: undefined; welcome?: null; ack?: null; command?: null; error?: null }|{ kind?: "welcome"; welcome: vigil.v1.Welcome.$Shape; ack?: null; command?: null; error?: null }|{ kind?: "ack"; welcome?: null; ack: vigil.v1.Ack.$Shape; command?: null; error?: null }|{ kind?: "command"; welcome?: null; ack?: null; command: vigil.v1.Command.$Shape; error?: null }|{ kind?: "error"; welcome?: null; ack?: null; command?: null; error: vigil.v1.Error.$Shape })
             * )} vigil.v1.ServerMessage.$Shape
             */

            /**
             * Constructs a new ServerMessage.
             * @memberof vigil.v1
             * @classdesc Represents a ServerMessage.
             * @constructor
             * @param {vigil.v1.ServerMessage.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const ServerMessage = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * ServerMessage welcome.
             * @member {vigil.v1.Welcome.$Properties|null|undefined} welcome
             * @memberof vigil.v1.ServerMessage
             * @instance
             */
            ServerMessage.prototype.welcome = null;

            /**
             * ServerMessage ack.
             * @member {vigil.v1.Ack.$Properties|null|undefined} ack
             * @memberof vigil.v1.ServerMessage
             * @instance
             */
            ServerMessage.prototype.ack = null;

            /**
             * ServerMessage command.
             * @member {vigil.v1.Command.$Properties|null|undefined} command
             * @memberof vigil.v1.ServerMessage
             * @instance
             */
            ServerMessage.prototype.command = null;

            /**
             * ServerMessage error.
             * @member {vigil.v1.Error.$Properties|null|undefined} error
             * @memberof vigil.v1.ServerMessage
             * @instance
             */
            ServerMessage.prototype.error = null;

            // OneOf field names bound to virtual getters and setters
            let $oneOfFields;

            /**
             * ServerMessage kind.
             * @member {"welcome"|"ack"|"command"|"error"|undefined} kind
             * @memberof vigil.v1.ServerMessage
             * @instance
             */
            $Object.defineProperty(ServerMessage.prototype, "kind", {
                get: $util.oneOfGetter($oneOfFields = ["welcome", "ack", "command", "error"]),
                set: $util.oneOfSetter($oneOfFields)
            });

            /**
             * Creates a new ServerMessage instance using the specified properties.
             * @function create
             * @memberof vigil.v1.ServerMessage
             * @static
             * @param {vigil.v1.ServerMessage.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.ServerMessage} ServerMessage instance
             * @type {{
             *   (properties: vigil.v1.ServerMessage.$Shape): vigil.v1.ServerMessage & vigil.v1.ServerMessage.$Shape;
             *   (properties?: vigil.v1.ServerMessage.$Properties): vigil.v1.ServerMessage;
             * }}
             */
            ServerMessage.create = function(properties) {
                return new ServerMessage(properties);
            };

            /**
             * Encodes the specified ServerMessage message. Does not implicitly {@link vigil.v1.ServerMessage.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.ServerMessage
             * @static
             * @param {vigil.v1.ServerMessage.$Properties} m ServerMessage message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ServerMessage.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.welcome != null && $Object.hasOwnProperty.call(m, "welcome"))
                    $root.vigil.v1.Welcome.encode(m.welcome, w.uint32(/* id 1, wireType 2 =*/10).fork(), q + 1).ldelim();
                if (m.ack != null && $Object.hasOwnProperty.call(m, "ack"))
                    $root.vigil.v1.Ack.encode(m.ack, w.uint32(/* id 2, wireType 2 =*/18).fork(), q + 1).ldelim();
                if (m.command != null && $Object.hasOwnProperty.call(m, "command"))
                    $root.vigil.v1.Command.encode(m.command, w.uint32(/* id 3, wireType 2 =*/26).fork(), q + 1).ldelim();
                if (m.error != null && $Object.hasOwnProperty.call(m, "error"))
                    $root.vigil.v1.Error.encode(m.error, w.uint32(/* id 4, wireType 2 =*/34).fork(), q + 1).ldelim();
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified ServerMessage message, length delimited. Does not implicitly {@link vigil.v1.ServerMessage.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.ServerMessage
             * @static
             * @param {vigil.v1.ServerMessage.$Properties} message ServerMessage message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            ServerMessage.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a ServerMessage message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.ServerMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {vigil.v1.ServerMessage & vigil.v1.ServerMessage.$Shape} ServerMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ServerMessage.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.vigil.v1.ServerMessage();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            m.welcome = $root.vigil.v1.Welcome.decode(r, r.size(), $undefined, q + 1, m.welcome);
                            m.kind = "welcome";
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            m.ack = $root.vigil.v1.Ack.decode(r, r.size(), $undefined, q + 1, m.ack);
                            m.kind = "ack";
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            m.command = $root.vigil.v1.Command.decode(r, r.size(), $undefined, q + 1, m.command);
                            m.kind = "command";
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            m.error = $root.vigil.v1.Error.decode(r, r.size(), $undefined, q + 1, m.error);
                            m.kind = "error";
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a ServerMessage message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.ServerMessage
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.ServerMessage & vigil.v1.ServerMessage.$Shape} ServerMessage
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            ServerMessage.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a ServerMessage message.
             * @function verify
             * @memberof vigil.v1.ServerMessage
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            ServerMessage.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                var p = {};
                if (m.welcome != null && $Object.hasOwnProperty.call(m, "welcome")) {
                    p.kind = 1;
                    {
                        var e = $root.vigil.v1.Welcome.verify(m.welcome, q + 1);
                        if (e)
                            return "welcome." + e;
                    }
                }
                if (m.ack != null && $Object.hasOwnProperty.call(m, "ack")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.vigil.v1.Ack.verify(m.ack, q + 1);
                        if (e)
                            return "ack." + e;
                    }
                }
                if (m.command != null && $Object.hasOwnProperty.call(m, "command")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.vigil.v1.Command.verify(m.command, q + 1);
                        if (e)
                            return "command." + e;
                    }
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    if (p.kind === 1)
                        return "kind: multiple values";
                    p.kind = 1;
                    {
                        var e = $root.vigil.v1.Error.verify(m.error, q + 1);
                        if (e)
                            return "error." + e;
                    }
                }
                return null;
            };

            /**
             * Creates a ServerMessage message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.ServerMessage
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {vigil.v1.ServerMessage} ServerMessage
             */
            ServerMessage.fromObject = function (d, q) {
                if (d instanceof $root.vigil.v1.ServerMessage)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".vigil.v1.ServerMessage: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.vigil.v1.ServerMessage();
                if (d.welcome != null) {
                    if (!$util.isObject(d.welcome))
                        throw $TypeError(".vigil.v1.ServerMessage.welcome: object expected");
                    m.welcome = $root.vigil.v1.Welcome.fromObject(d.welcome, q + 1);
                }
                if (d.ack != null) {
                    if (!$util.isObject(d.ack))
                        throw $TypeError(".vigil.v1.ServerMessage.ack: object expected");
                    m.ack = $root.vigil.v1.Ack.fromObject(d.ack, q + 1);
                }
                if (d.command != null) {
                    if (!$util.isObject(d.command))
                        throw $TypeError(".vigil.v1.ServerMessage.command: object expected");
                    m.command = $root.vigil.v1.Command.fromObject(d.command, q + 1);
                }
                if (d.error != null) {
                    if (!$util.isObject(d.error))
                        throw $TypeError(".vigil.v1.ServerMessage.error: object expected");
                    m.error = $root.vigil.v1.Error.fromObject(d.error, q + 1);
                }
                return m;
            };

            /**
             * Creates a plain object from a ServerMessage message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.ServerMessage
             * @static
             * @param {vigil.v1.ServerMessage} m ServerMessage
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            ServerMessage.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (m.welcome != null && $Object.hasOwnProperty.call(m, "welcome")) {
                    d.welcome = $root.vigil.v1.Welcome.toObject(m.welcome, o, q + 1);
                    if (o.oneofs)
                        d.kind = "welcome";
                }
                if (m.ack != null && $Object.hasOwnProperty.call(m, "ack")) {
                    d.ack = $root.vigil.v1.Ack.toObject(m.ack, o, q + 1);
                    if (o.oneofs)
                        d.kind = "ack";
                }
                if (m.command != null && $Object.hasOwnProperty.call(m, "command")) {
                    d.command = $root.vigil.v1.Command.toObject(m.command, o, q + 1);
                    if (o.oneofs)
                        d.kind = "command";
                }
                if (m.error != null && $Object.hasOwnProperty.call(m, "error")) {
                    d.error = $root.vigil.v1.Error.toObject(m.error, o, q + 1);
                    if (o.oneofs)
                        d.kind = "error";
                }
                return d;
            };

            /**
             * Converts this ServerMessage to JSON.
             * @function toJSON
             * @memberof vigil.v1.ServerMessage
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            ServerMessage.prototype.toJSON = function() {
                return ServerMessage.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for ServerMessage
             * @function getTypeUrl
             * @memberof vigil.v1.ServerMessage
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            ServerMessage.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.ServerMessage";
            };

            return ServerMessage;
        })();

        v1.Welcome = (function() {

            /**
             * Properties of a Welcome.
             * @typedef {Object} vigil.v1.Welcome.$Properties
             * @property {number|null} [protocolMajor] Welcome protocolMajor
             * @property {number|null} [protocolMinor] Welcome protocolMinor
             * @property {string|null} [serverVersion] Welcome serverVersion
             * @property {string|null} [agentId] Welcome agentId
             * @property {number|null} [heartbeatIntervalS] Welcome heartbeatIntervalS
             * @property {Array.<vigil.v1.RegisteredDatabase.$Properties>|null} [databases] Welcome databases
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Welcome.
             * @memberof vigil.v1
             * @interface IWelcome
             * @augments vigil.v1.Welcome.$Properties
             * @deprecated Use vigil.v1.Welcome.$Properties instead.
             */

            /**
             * Shape of a Welcome.
             * @typedef {vigil.v1.Welcome.$Properties} vigil.v1.Welcome.$Shape
             */

            /**
             * Constructs a new Welcome.
             * @memberof vigil.v1
             * @classdesc Represents a Welcome.
             * @constructor
             * @param {vigil.v1.Welcome.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Welcome = function (p) {
                this.databases = [];
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Welcome protocolMajor.
             * @member {number} protocolMajor
             * @memberof vigil.v1.Welcome
             * @instance
             */
            Welcome.prototype.protocolMajor = 0;

            /**
             * Welcome protocolMinor.
             * @member {number} protocolMinor
             * @memberof vigil.v1.Welcome
             * @instance
             */
            Welcome.prototype.protocolMinor = 0;

            /**
             * Welcome serverVersion.
             * @member {string} serverVersion
             * @memberof vigil.v1.Welcome
             * @instance
             */
            Welcome.prototype.serverVersion = "";

            /**
             * Welcome agentId.
             * @member {string} agentId
             * @memberof vigil.v1.Welcome
             * @instance
             */
            Welcome.prototype.agentId = "";

            /**
             * Welcome heartbeatIntervalS.
             * @member {number} heartbeatIntervalS
             * @memberof vigil.v1.Welcome
             * @instance
             */
            Welcome.prototype.heartbeatIntervalS = 0;

            /**
             * Welcome databases.
             * @member {Array.<vigil.v1.RegisteredDatabase.$Properties>} databases
             * @memberof vigil.v1.Welcome
             * @instance
             */
            Welcome.prototype.databases = $util.emptyArray;

            /**
             * Creates a new Welcome instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Welcome
             * @static
             * @param {vigil.v1.Welcome.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.Welcome} Welcome instance
             * @type {{
             *   (properties: vigil.v1.Welcome.$Shape): vigil.v1.Welcome & vigil.v1.Welcome.$Shape;
             *   (properties?: vigil.v1.Welcome.$Properties): vigil.v1.Welcome;
             * }}
             */
            Welcome.create = function(properties) {
                return new Welcome(properties);
            };

            /**
             * Encodes the specified Welcome message. Does not implicitly {@link vigil.v1.Welcome.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Welcome
             * @static
             * @param {vigil.v1.Welcome.$Properties} m Welcome message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Welcome.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.protocolMajor != null && $Object.hasOwnProperty.call(m, "protocolMajor") && m.protocolMajor !== 0)
                    w.uint32(/* id 1, wireType 0 =*/8).uint32(m.protocolMajor);
                if (m.protocolMinor != null && $Object.hasOwnProperty.call(m, "protocolMinor") && m.protocolMinor !== 0)
                    w.uint32(/* id 2, wireType 0 =*/16).uint32(m.protocolMinor);
                if (m.serverVersion != null && $Object.hasOwnProperty.call(m, "serverVersion") && m.serverVersion !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.serverVersion);
                if (m.agentId != null && $Object.hasOwnProperty.call(m, "agentId") && m.agentId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.agentId);
                if (m.heartbeatIntervalS != null && $Object.hasOwnProperty.call(m, "heartbeatIntervalS") && m.heartbeatIntervalS !== 0)
                    w.uint32(/* id 5, wireType 0 =*/40).uint32(m.heartbeatIntervalS);
                if (m.databases != null && m.databases.length) {
                    for (var i = 0; i < m.databases.length; ++i)
                        $root.vigil.v1.RegisteredDatabase.encode(m.databases[i], w.uint32(/* id 6, wireType 2 =*/50).fork(), q + 1).ldelim();
                }
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Welcome message, length delimited. Does not implicitly {@link vigil.v1.Welcome.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.Welcome
             * @static
             * @param {vigil.v1.Welcome.$Properties} message Welcome message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Welcome.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Welcome message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Welcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {vigil.v1.Welcome & vigil.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Welcome.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.vigil.v1.Welcome();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.protocolMajor = v;
                            else
                                delete m.protocolMajor;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.protocolMinor = v;
                            else
                                delete m.protocolMinor;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.serverVersion = v;
                            else
                                delete m.serverVersion;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.agentId = v;
                            else
                                delete m.agentId;
                            continue;
                        }
                    case 5: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.heartbeatIntervalS = v;
                            else
                                delete m.heartbeatIntervalS;
                            continue;
                        }
                    case 6: {
                            if (u !== 2)
                                break;
                            if (!(m.databases && m.databases.length))
                                m.databases = [];
                            m.databases.push($root.vigil.v1.RegisteredDatabase.decode(r, r.size(), $undefined, q + 1));
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Welcome message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.Welcome
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.Welcome & vigil.v1.Welcome.$Shape} Welcome
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Welcome.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Welcome message.
             * @function verify
             * @memberof vigil.v1.Welcome
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Welcome.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.protocolMajor != null && $Object.hasOwnProperty.call(m, "protocolMajor")) {
                    if (!$util.isInteger(m.protocolMajor))
                        return "protocolMajor: integer expected";
                }
                if (m.protocolMinor != null && $Object.hasOwnProperty.call(m, "protocolMinor")) {
                    if (!$util.isInteger(m.protocolMinor))
                        return "protocolMinor: integer expected";
                }
                if (m.serverVersion != null && $Object.hasOwnProperty.call(m, "serverVersion")) {
                    if (!$util.isString(m.serverVersion))
                        return "serverVersion: string expected";
                }
                if (m.agentId != null && $Object.hasOwnProperty.call(m, "agentId")) {
                    if (!$util.isString(m.agentId))
                        return "agentId: string expected";
                }
                if (m.heartbeatIntervalS != null && $Object.hasOwnProperty.call(m, "heartbeatIntervalS")) {
                    if (!$util.isInteger(m.heartbeatIntervalS))
                        return "heartbeatIntervalS: integer expected";
                }
                if (m.databases != null && $Object.hasOwnProperty.call(m, "databases")) {
                    if (!$Array.isArray(m.databases))
                        return "databases: array expected";
                    for (var i = 0; i < m.databases.length; ++i) {
                        {
                            var e = $root.vigil.v1.RegisteredDatabase.verify(m.databases[i], q + 1);
                            if (e)
                                return "databases." + e;
                        }
                    }
                }
                return null;
            };

            /**
             * Creates a Welcome message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Welcome
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {vigil.v1.Welcome} Welcome
             */
            Welcome.fromObject = function (d, q) {
                if (d instanceof $root.vigil.v1.Welcome)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".vigil.v1.Welcome: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.vigil.v1.Welcome();
                if (d.protocolMajor != null) {
                    if ($Number(d.protocolMajor) !== 0) {
                        m.protocolMajor = d.protocolMajor >>> 0;
                    }
                }
                if (d.protocolMinor != null) {
                    if ($Number(d.protocolMinor) !== 0) {
                        m.protocolMinor = d.protocolMinor >>> 0;
                    }
                }
                if (d.serverVersion != null) {
                    if (typeof d.serverVersion !== "string" || d.serverVersion.length) {
                        m.serverVersion = $String(d.serverVersion);
                    }
                }
                if (d.agentId != null) {
                    if (typeof d.agentId !== "string" || d.agentId.length) {
                        m.agentId = $String(d.agentId);
                    }
                }
                if (d.heartbeatIntervalS != null) {
                    if ($Number(d.heartbeatIntervalS) !== 0) {
                        m.heartbeatIntervalS = d.heartbeatIntervalS >>> 0;
                    }
                }
                if (d.databases) {
                    if (!$Array.isArray(d.databases))
                        throw $TypeError(".vigil.v1.Welcome.databases: array expected");
                    m.databases = $Array(d.databases.length);
                    for (var i = 0; i < d.databases.length; ++i) {
                        if (!$util.isObject(d.databases[i]))
                            throw $TypeError(".vigil.v1.Welcome.databases: object expected");
                        m.databases[i] = $root.vigil.v1.RegisteredDatabase.fromObject(d.databases[i], q + 1);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Welcome message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Welcome
             * @static
             * @param {vigil.v1.Welcome} m Welcome
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Welcome.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.arrays || o.defaults) {
                    d.databases = [];
                }
                if (o.defaults) {
                    d.protocolMajor = 0;
                    d.protocolMinor = 0;
                    d.serverVersion = "";
                    d.agentId = "";
                    d.heartbeatIntervalS = 0;
                }
                if (m.protocolMajor != null && $Object.hasOwnProperty.call(m, "protocolMajor")) {
                    d.protocolMajor = m.protocolMajor;
                }
                if (m.protocolMinor != null && $Object.hasOwnProperty.call(m, "protocolMinor")) {
                    d.protocolMinor = m.protocolMinor;
                }
                if (m.serverVersion != null && $Object.hasOwnProperty.call(m, "serverVersion")) {
                    d.serverVersion = m.serverVersion;
                }
                if (m.agentId != null && $Object.hasOwnProperty.call(m, "agentId")) {
                    d.agentId = m.agentId;
                }
                if (m.heartbeatIntervalS != null && $Object.hasOwnProperty.call(m, "heartbeatIntervalS")) {
                    d.heartbeatIntervalS = m.heartbeatIntervalS;
                }
                if (m.databases && m.databases.length) {
                    d.databases = $Array(m.databases.length);
                    for (var j = 0; j < m.databases.length; ++j) {
                        d.databases[j] = $root.vigil.v1.RegisteredDatabase.toObject(m.databases[j], o, q + 1);
                    }
                }
                return d;
            };

            /**
             * Converts this Welcome to JSON.
             * @function toJSON
             * @memberof vigil.v1.Welcome
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Welcome.prototype.toJSON = function() {
                return Welcome.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Welcome
             * @function getTypeUrl
             * @memberof vigil.v1.Welcome
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Welcome.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.Welcome";
            };

            return Welcome;
        })();

        v1.RegisteredDatabase = (function() {

            /**
             * Properties of a RegisteredDatabase.
             * @typedef {Object} vigil.v1.RegisteredDatabase.$Properties
             * @property {string|null} [name] RegisteredDatabase name
             * @property {string|null} [id] RegisteredDatabase id
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a RegisteredDatabase.
             * @memberof vigil.v1
             * @interface IRegisteredDatabase
             * @augments vigil.v1.RegisteredDatabase.$Properties
             * @deprecated Use vigil.v1.RegisteredDatabase.$Properties instead.
             */

            /**
             * Shape of a RegisteredDatabase.
             * @typedef {vigil.v1.RegisteredDatabase.$Properties} vigil.v1.RegisteredDatabase.$Shape
             */

            /**
             * Constructs a new RegisteredDatabase.
             * @memberof vigil.v1
             * @classdesc Represents a RegisteredDatabase.
             * @constructor
             * @param {vigil.v1.RegisteredDatabase.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const RegisteredDatabase = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * RegisteredDatabase name.
             * @member {string} name
             * @memberof vigil.v1.RegisteredDatabase
             * @instance
             */
            RegisteredDatabase.prototype.name = "";

            /**
             * RegisteredDatabase id.
             * @member {string} id
             * @memberof vigil.v1.RegisteredDatabase
             * @instance
             */
            RegisteredDatabase.prototype.id = "";

            /**
             * Creates a new RegisteredDatabase instance using the specified properties.
             * @function create
             * @memberof vigil.v1.RegisteredDatabase
             * @static
             * @param {vigil.v1.RegisteredDatabase.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.RegisteredDatabase} RegisteredDatabase instance
             * @type {{
             *   (properties: vigil.v1.RegisteredDatabase.$Shape): vigil.v1.RegisteredDatabase & vigil.v1.RegisteredDatabase.$Shape;
             *   (properties?: vigil.v1.RegisteredDatabase.$Properties): vigil.v1.RegisteredDatabase;
             * }}
             */
            RegisteredDatabase.create = function(properties) {
                return new RegisteredDatabase(properties);
            };

            /**
             * Encodes the specified RegisteredDatabase message. Does not implicitly {@link vigil.v1.RegisteredDatabase.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.RegisteredDatabase
             * @static
             * @param {vigil.v1.RegisteredDatabase.$Properties} m RegisteredDatabase message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RegisteredDatabase.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.name != null && $Object.hasOwnProperty.call(m, "name") && m.name !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.name);
                if (m.id != null && $Object.hasOwnProperty.call(m, "id") && m.id !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.id);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified RegisteredDatabase message, length delimited. Does not implicitly {@link vigil.v1.RegisteredDatabase.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.RegisteredDatabase
             * @static
             * @param {vigil.v1.RegisteredDatabase.$Properties} message RegisteredDatabase message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            RegisteredDatabase.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a RegisteredDatabase message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.RegisteredDatabase
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {vigil.v1.RegisteredDatabase & vigil.v1.RegisteredDatabase.$Shape} RegisteredDatabase
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RegisteredDatabase.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.vigil.v1.RegisteredDatabase();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.name = v;
                            else
                                delete m.name;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.id = v;
                            else
                                delete m.id;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a RegisteredDatabase message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.RegisteredDatabase
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.RegisteredDatabase & vigil.v1.RegisteredDatabase.$Shape} RegisteredDatabase
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            RegisteredDatabase.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a RegisteredDatabase message.
             * @function verify
             * @memberof vigil.v1.RegisteredDatabase
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            RegisteredDatabase.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    if (!$util.isString(m.name))
                        return "name: string expected";
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    if (!$util.isString(m.id))
                        return "id: string expected";
                }
                return null;
            };

            /**
             * Creates a RegisteredDatabase message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.RegisteredDatabase
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {vigil.v1.RegisteredDatabase} RegisteredDatabase
             */
            RegisteredDatabase.fromObject = function (d, q) {
                if (d instanceof $root.vigil.v1.RegisteredDatabase)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".vigil.v1.RegisteredDatabase: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.vigil.v1.RegisteredDatabase();
                if (d.name != null) {
                    if (typeof d.name !== "string" || d.name.length) {
                        m.name = $String(d.name);
                    }
                }
                if (d.id != null) {
                    if (typeof d.id !== "string" || d.id.length) {
                        m.id = $String(d.id);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a RegisteredDatabase message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.RegisteredDatabase
             * @static
             * @param {vigil.v1.RegisteredDatabase} m RegisteredDatabase
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            RegisteredDatabase.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.name = "";
                    d.id = "";
                }
                if (m.name != null && $Object.hasOwnProperty.call(m, "name")) {
                    d.name = m.name;
                }
                if (m.id != null && $Object.hasOwnProperty.call(m, "id")) {
                    d.id = m.id;
                }
                return d;
            };

            /**
             * Converts this RegisteredDatabase to JSON.
             * @function toJSON
             * @memberof vigil.v1.RegisteredDatabase
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            RegisteredDatabase.prototype.toJSON = function() {
                return RegisteredDatabase.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for RegisteredDatabase
             * @function getTypeUrl
             * @memberof vigil.v1.RegisteredDatabase
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            RegisteredDatabase.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.RegisteredDatabase";
            };

            return RegisteredDatabase;
        })();

        v1.Ack = (function() {

            /**
             * Properties of an Ack.
             * @typedef {Object} vigil.v1.Ack.$Properties
             * @property {string|null} [batchId] Ack batchId
             * @property {number|null} [seq] Ack seq
             * @property {boolean|null} [duplicate] Ack duplicate
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Ack.
             * @memberof vigil.v1
             * @interface IAck
             * @augments vigil.v1.Ack.$Properties
             * @deprecated Use vigil.v1.Ack.$Properties instead.
             */

            /**
             * Shape of an Ack.
             * @typedef {vigil.v1.Ack.$Properties} vigil.v1.Ack.$Shape
             */

            /**
             * Constructs a new Ack.
             * @memberof vigil.v1
             * @classdesc Represents an Ack.
             * @constructor
             * @param {vigil.v1.Ack.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Ack = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Ack batchId.
             * @member {string} batchId
             * @memberof vigil.v1.Ack
             * @instance
             */
            Ack.prototype.batchId = "";

            /**
             * Ack seq.
             * @member {number} seq
             * @memberof vigil.v1.Ack
             * @instance
             */
            Ack.prototype.seq = $util.Long ? $util.Long.fromBits(0,0,true) : 0;

            /**
             * Ack duplicate.
             * @member {boolean} duplicate
             * @memberof vigil.v1.Ack
             * @instance
             */
            Ack.prototype.duplicate = false;

            /**
             * Creates a new Ack instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Ack
             * @static
             * @param {vigil.v1.Ack.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.Ack} Ack instance
             * @type {{
             *   (properties: vigil.v1.Ack.$Shape): vigil.v1.Ack & vigil.v1.Ack.$Shape;
             *   (properties?: vigil.v1.Ack.$Properties): vigil.v1.Ack;
             * }}
             */
            Ack.create = function(properties) {
                return new Ack(properties);
            };

            /**
             * Encodes the specified Ack message. Does not implicitly {@link vigil.v1.Ack.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Ack
             * @static
             * @param {vigil.v1.Ack.$Properties} m Ack message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ack.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId") && m.batchId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.batchId);
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq") && (typeof m.seq === "object" ? m.seq.low || m.seq.high : m.seq !== 0))
                    w.uint32(/* id 2, wireType 0 =*/16).uint64(m.seq);
                if (m.duplicate != null && $Object.hasOwnProperty.call(m, "duplicate") && m.duplicate !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.duplicate);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Ack message, length delimited. Does not implicitly {@link vigil.v1.Ack.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.Ack
             * @static
             * @param {vigil.v1.Ack.$Properties} message Ack message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Ack.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Ack message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Ack
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {vigil.v1.Ack & vigil.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ack.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.vigil.v1.Ack();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.batchId = v;
                            else
                                delete m.batchId;
                            continue;
                        }
                    case 2: {
                            if (u !== 0)
                                break;
                            if (typeof (v = r.uint64()) === "object" ? v.low || v.high : v !== 0)
                                m.seq = v;
                            else
                                delete m.seq;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.duplicate = v;
                            else
                                delete m.duplicate;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an Ack message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.Ack
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.Ack & vigil.v1.Ack.$Shape} Ack
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Ack.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Ack message.
             * @function verify
             * @memberof vigil.v1.Ack
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Ack.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId")) {
                    if (!$util.isString(m.batchId))
                        return "batchId: string expected";
                }
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                    if (!$util.isInteger(m.seq) && !(m.seq && $util.isInteger(m.seq.low) && $util.isInteger(m.seq.high)))
                        return "seq: integer|Long expected";
                }
                if (m.duplicate != null && $Object.hasOwnProperty.call(m, "duplicate")) {
                    if (typeof m.duplicate !== "boolean")
                        return "duplicate: boolean expected";
                }
                return null;
            };

            /**
             * Creates an Ack message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Ack
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {vigil.v1.Ack} Ack
             */
            Ack.fromObject = function (d, q) {
                if (d instanceof $root.vigil.v1.Ack)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".vigil.v1.Ack: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.vigil.v1.Ack();
                if (d.batchId != null) {
                    if (typeof d.batchId !== "string" || d.batchId.length) {
                        m.batchId = $String(d.batchId);
                    }
                }
                if (d.seq != null) {
                    if (typeof d.seq === "object" ? d.seq.low || d.seq.high : $Number(d.seq) !== 0) {
                        if ($util.Long)
                            m.seq = $util.Long.fromValue(d.seq, true);
                        else if (typeof d.seq === "string")
                            m.seq = $parseInt(d.seq, 10);
                        else if (typeof d.seq === "number")
                            m.seq = d.seq;
                        else if (typeof d.seq === "object")
                            m.seq = new $util.LongBits(d.seq.low >>> 0, d.seq.high >>> 0).toNumber(true);
                    }
                }
                if (d.duplicate != null) {
                    if (d.duplicate) {
                        m.duplicate = $Boolean(d.duplicate);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an Ack message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Ack
             * @static
             * @param {vigil.v1.Ack} m Ack
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Ack.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.batchId = "";
                    if ($util.Long) {
                        var n = new $util.Long(0, 0, true);
                        d.seq = o.longs === $String ? n.toString() : o.longs === $Number ? n.toNumber() : typeof $BigInt !== "undefined" && o.longs === $BigInt ? n.toBigInt() : n;
                    } else
                        d.seq = o.longs === $String ? "0" : typeof $BigInt !== "undefined" && o.longs === $BigInt ? $BigInt("0") : 0;
                    d.duplicate = false;
                }
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId")) {
                    d.batchId = m.batchId;
                }
                if (m.seq != null && $Object.hasOwnProperty.call(m, "seq")) {
                    if (typeof $BigInt !== "undefined" && o.longs === $BigInt)
                        d.seq = typeof m.seq === "number" ? $BigInt(m.seq) : $util.Long.fromBits(m.seq.low >>> 0, m.seq.high >>> 0, true).toBigInt();
                    else if (typeof m.seq === "number")
                        d.seq = o.longs === $String ? $String(m.seq) : m.seq;
                    else
                        d.seq = o.longs === $String ? $util.Long.prototype.toString.call(m.seq) : o.longs === $Number ? new $util.LongBits(m.seq.low >>> 0, m.seq.high >>> 0).toNumber(true) : m.seq;
                }
                if (m.duplicate != null && $Object.hasOwnProperty.call(m, "duplicate")) {
                    d.duplicate = m.duplicate;
                }
                return d;
            };

            /**
             * Converts this Ack to JSON.
             * @function toJSON
             * @memberof vigil.v1.Ack
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Ack.prototype.toJSON = function() {
                return Ack.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Ack
             * @function getTypeUrl
             * @memberof vigil.v1.Ack
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Ack.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.Ack";
            };

            return Ack;
        })();

        v1.Command = (function() {

            /**
             * Properties of a Command.
             * @typedef {Object} vigil.v1.Command.$Properties
             * @property {string|null} [requestId] Command requestId
             * @property {string|null} [kind] Command kind
             * @property {string|null} [argsJson] Command argsJson
             * @property {number|null} [timeoutMs] Command timeoutMs
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of a Command.
             * @memberof vigil.v1
             * @interface ICommand
             * @augments vigil.v1.Command.$Properties
             * @deprecated Use vigil.v1.Command.$Properties instead.
             */

            /**
             * Shape of a Command.
             * @typedef {vigil.v1.Command.$Properties} vigil.v1.Command.$Shape
             */

            /**
             * Constructs a new Command.
             * @memberof vigil.v1
             * @classdesc Represents a Command.
             * @constructor
             * @param {vigil.v1.Command.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Command = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Command requestId.
             * @member {string} requestId
             * @memberof vigil.v1.Command
             * @instance
             */
            Command.prototype.requestId = "";

            /**
             * Command kind.
             * @member {string} kind
             * @memberof vigil.v1.Command
             * @instance
             */
            Command.prototype.kind = "";

            /**
             * Command argsJson.
             * @member {string} argsJson
             * @memberof vigil.v1.Command
             * @instance
             */
            Command.prototype.argsJson = "";

            /**
             * Command timeoutMs.
             * @member {number} timeoutMs
             * @memberof vigil.v1.Command
             * @instance
             */
            Command.prototype.timeoutMs = 0;

            /**
             * Creates a new Command instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Command
             * @static
             * @param {vigil.v1.Command.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.Command} Command instance
             * @type {{
             *   (properties: vigil.v1.Command.$Shape): vigil.v1.Command & vigil.v1.Command.$Shape;
             *   (properties?: vigil.v1.Command.$Properties): vigil.v1.Command;
             * }}
             */
            Command.create = function(properties) {
                return new Command(properties);
            };

            /**
             * Encodes the specified Command message. Does not implicitly {@link vigil.v1.Command.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Command
             * @static
             * @param {vigil.v1.Command.$Properties} m Command message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Command.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId") && m.requestId !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.requestId);
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind") && m.kind !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.kind);
                if (m.argsJson != null && $Object.hasOwnProperty.call(m, "argsJson") && m.argsJson !== "")
                    w.uint32(/* id 3, wireType 2 =*/26).string(m.argsJson);
                if (m.timeoutMs != null && $Object.hasOwnProperty.call(m, "timeoutMs") && m.timeoutMs !== 0)
                    w.uint32(/* id 4, wireType 0 =*/32).uint32(m.timeoutMs);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Command message, length delimited. Does not implicitly {@link vigil.v1.Command.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.Command
             * @static
             * @param {vigil.v1.Command.$Properties} message Command message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Command.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes a Command message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Command
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {vigil.v1.Command & vigil.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Command.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.vigil.v1.Command();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.requestId = v;
                            else
                                delete m.requestId;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.kind = v;
                            else
                                delete m.kind;
                            continue;
                        }
                    case 3: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.argsJson = v;
                            else
                                delete m.argsJson;
                            continue;
                        }
                    case 4: {
                            if (u !== 0)
                                break;
                            if (v = r.uint32())
                                m.timeoutMs = v;
                            else
                                delete m.timeoutMs;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes a Command message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.Command
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.Command & vigil.v1.Command.$Shape} Command
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Command.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies a Command message.
             * @function verify
             * @memberof vigil.v1.Command
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Command.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId")) {
                    if (!$util.isString(m.requestId))
                        return "requestId: string expected";
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    if (!$util.isString(m.kind))
                        return "kind: string expected";
                }
                if (m.argsJson != null && $Object.hasOwnProperty.call(m, "argsJson")) {
                    if (!$util.isString(m.argsJson))
                        return "argsJson: string expected";
                }
                if (m.timeoutMs != null && $Object.hasOwnProperty.call(m, "timeoutMs")) {
                    if (!$util.isInteger(m.timeoutMs))
                        return "timeoutMs: integer expected";
                }
                return null;
            };

            /**
             * Creates a Command message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Command
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {vigil.v1.Command} Command
             */
            Command.fromObject = function (d, q) {
                if (d instanceof $root.vigil.v1.Command)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".vigil.v1.Command: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.vigil.v1.Command();
                if (d.requestId != null) {
                    if (typeof d.requestId !== "string" || d.requestId.length) {
                        m.requestId = $String(d.requestId);
                    }
                }
                if (d.kind != null) {
                    if (typeof d.kind !== "string" || d.kind.length) {
                        m.kind = $String(d.kind);
                    }
                }
                if (d.argsJson != null) {
                    if (typeof d.argsJson !== "string" || d.argsJson.length) {
                        m.argsJson = $String(d.argsJson);
                    }
                }
                if (d.timeoutMs != null) {
                    if ($Number(d.timeoutMs) !== 0) {
                        m.timeoutMs = d.timeoutMs >>> 0;
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from a Command message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Command
             * @static
             * @param {vigil.v1.Command} m Command
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Command.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.requestId = "";
                    d.kind = "";
                    d.argsJson = "";
                    d.timeoutMs = 0;
                }
                if (m.requestId != null && $Object.hasOwnProperty.call(m, "requestId")) {
                    d.requestId = m.requestId;
                }
                if (m.kind != null && $Object.hasOwnProperty.call(m, "kind")) {
                    d.kind = m.kind;
                }
                if (m.argsJson != null && $Object.hasOwnProperty.call(m, "argsJson")) {
                    d.argsJson = m.argsJson;
                }
                if (m.timeoutMs != null && $Object.hasOwnProperty.call(m, "timeoutMs")) {
                    d.timeoutMs = m.timeoutMs;
                }
                return d;
            };

            /**
             * Converts this Command to JSON.
             * @function toJSON
             * @memberof vigil.v1.Command
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Command.prototype.toJSON = function() {
                return Command.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Command
             * @function getTypeUrl
             * @memberof vigil.v1.Command
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Command.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.Command";
            };

            return Command;
        })();

        v1.Error = (function() {

            /**
             * Properties of an Error.
             * @typedef {Object} vigil.v1.Error.$Properties
             * @property {string|null} [code] Error code
             * @property {string|null} [message] Error message
             * @property {boolean|null} [fatal] Error fatal
             * @property {string|null} [batchId] Error batchId
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */

            /**
             * Properties of an Error.
             * @memberof vigil.v1
             * @interface IError
             * @augments vigil.v1.Error.$Properties
             * @deprecated Use vigil.v1.Error.$Properties instead.
             */

            /**
             * Shape of an Error.
             * @typedef {vigil.v1.Error.$Properties} vigil.v1.Error.$Shape
             */

            /**
             * Constructs a new Error.
             * @memberof vigil.v1
             * @classdesc Represents an Error.
             * @constructor
             * @param {vigil.v1.Error.$Properties=} [p] Properties to set
             * @property {Array.<Uint8Array>} [$unknowns] Unknown fields preserved while decoding when enabled
             */
            const Error = function (p) {
                if (p)
                    for (var ks = $Object.keys(p), i = 0; i < ks.length; ++i)
                        if (p[ks[i]] != null && ks[i] !== "__proto__")
                            this[ks[i]] = p[ks[i]];
            };

            /**
             * Error code.
             * @member {string} code
             * @memberof vigil.v1.Error
             * @instance
             */
            Error.prototype.code = "";

            /**
             * Error message.
             * @member {string} message
             * @memberof vigil.v1.Error
             * @instance
             */
            Error.prototype.message = "";

            /**
             * Error fatal.
             * @member {boolean} fatal
             * @memberof vigil.v1.Error
             * @instance
             */
            Error.prototype.fatal = false;

            /**
             * Error batchId.
             * @member {string} batchId
             * @memberof vigil.v1.Error
             * @instance
             */
            Error.prototype.batchId = "";

            /**
             * Creates a new Error instance using the specified properties.
             * @function create
             * @memberof vigil.v1.Error
             * @static
             * @param {vigil.v1.Error.$Properties=} [properties] Properties to set
             * @returns {vigil.v1.Error} Error instance
             * @type {{
             *   (properties: vigil.v1.Error.$Shape): vigil.v1.Error & vigil.v1.Error.$Shape;
             *   (properties?: vigil.v1.Error.$Properties): vigil.v1.Error;
             * }}
             */
            Error.create = function(properties) {
                return new Error(properties);
            };

            /**
             * Encodes the specified Error message. Does not implicitly {@link vigil.v1.Error.verify|verify} messages.
             * @function encode
             * @memberof vigil.v1.Error
             * @static
             * @param {vigil.v1.Error.$Properties} m Error message or plain object to encode
             * @param {$protobuf.Writer} [w] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Error.encode = function (m, w, q) {
                if (!w)
                    w = $Writer.create();
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                if (m.code != null && $Object.hasOwnProperty.call(m, "code") && m.code !== "")
                    w.uint32(/* id 1, wireType 2 =*/10).string(m.code);
                if (m.message != null && $Object.hasOwnProperty.call(m, "message") && m.message !== "")
                    w.uint32(/* id 2, wireType 2 =*/18).string(m.message);
                if (m.fatal != null && $Object.hasOwnProperty.call(m, "fatal") && m.fatal !== false)
                    w.uint32(/* id 3, wireType 0 =*/24).bool(m.fatal);
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId") && m.batchId !== "")
                    w.uint32(/* id 4, wireType 2 =*/34).string(m.batchId);
                if (m.$unknowns != null && $Object.hasOwnProperty.call(m, "$unknowns"))
                    for (var i = 0; i < m.$unknowns.length; ++i)
                        w.raw(m.$unknowns[i]);
                return w;
            };

            /**
             * Encodes the specified Error message, length delimited. Does not implicitly {@link vigil.v1.Error.verify|verify} messages.
             * @function encodeDelimited
             * @memberof vigil.v1.Error
             * @static
             * @param {vigil.v1.Error.$Properties} message Error message or plain object to encode
             * @param {$protobuf.Writer} [writer] Writer to encode to
             * @returns {$protobuf.Writer} Writer
             */
            Error.encodeDelimited = function(message, writer) {
                return this.encode(message, (writer || $Writer.create()).fork()).ldelim();
            };

            /**
             * Decodes an Error message from the specified reader or buffer.
             * @function decode
             * @memberof vigil.v1.Error
             * @static
             * @param {$protobuf.Reader|Uint8Array} r Reader or buffer to decode from
             * @param {number} [l] Message length if known beforehand
             * @returns {vigil.v1.Error & vigil.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Error.decode = function (r, l, z, q, g) {
                if (!(r instanceof $Reader))
                    r = $Reader.create(r);
                if (q === $undefined)
                    q = 0;
                if (q > $Reader.recursionLimit)
                    throw $Error("max depth exceeded");
                var c, m, v;
                if (l === $undefined)
                    c = r.len;
                else {
                    c = r.pos + l;
                    if (c > r.len)
                        throw $RangeError("index out of range");
                    l = r.len;
                    r.len = c;
                }
                m = g || new $root.vigil.v1.Error();
                while (r.pos < c) {
                    var s = r.pos;
                    var t = r.tag();
                    if (t === z) {
                        z = $undefined;
                        break;
                    }
                    var u = t & 7;
                    switch (t >>>= 3) {
                    case 1: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.code = v;
                            else
                                delete m.code;
                            continue;
                        }
                    case 2: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.message = v;
                            else
                                delete m.message;
                            continue;
                        }
                    case 3: {
                            if (u !== 0)
                                break;
                            if (v = r.bool())
                                m.fatal = v;
                            else
                                delete m.fatal;
                            continue;
                        }
                    case 4: {
                            if (u !== 2)
                                break;
                            if ((v = r.stringVerify()).length)
                                m.batchId = v;
                            else
                                delete m.batchId;
                            continue;
                        }
                    }
                    r.skipType(u, q, t);
                    if (!r.discardUnknown) {
                        $util.makeProp(m, "$unknowns", false);
                        (m.$unknowns || (m.$unknowns = [])).push(r.raw(s, r.pos));
                    }
                }
                if (l !== $undefined) {
                    if (r.pos !== c)
                        throw $RangeError("index out of range");
                    r.len = l;
                }
                if (z !== $undefined)
                    throw $Error("missing end group");
                return m;
            };

            /**
             * Decodes an Error message from the specified reader or buffer, length delimited.
             * @function decodeDelimited
             * @memberof vigil.v1.Error
             * @static
             * @param {$protobuf.Reader|Uint8Array} reader Reader or buffer to decode from
             * @returns {vigil.v1.Error & vigil.v1.Error.$Shape} Error
             * @throws {Error} If the payload is not a reader or valid buffer
             * @throws {$protobuf.util.ProtocolError} If required fields are missing
             */
            Error.decodeDelimited = function(reader) {
                if (!(reader instanceof $Reader))
                    reader = new $Reader(reader);
                return this.decode(reader, reader.size());
            };

            /**
             * Verifies an Error message.
             * @function verify
             * @memberof vigil.v1.Error
             * @static
             * @param {Object.<string,*>} m Plain object to verify
             * @returns {string|null} `null` if valid, otherwise the reason why it is not
             */
            Error.verify = function (m, q) {
                if (typeof m !== "object" || m === null)
                    return "object expected";
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    return "max depth exceeded";
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    if (!$util.isString(m.code))
                        return "code: string expected";
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    if (!$util.isString(m.message))
                        return "message: string expected";
                }
                if (m.fatal != null && $Object.hasOwnProperty.call(m, "fatal")) {
                    if (typeof m.fatal !== "boolean")
                        return "fatal: boolean expected";
                }
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId")) {
                    if (!$util.isString(m.batchId))
                        return "batchId: string expected";
                }
                return null;
            };

            /**
             * Creates an Error message from a plain object. Also converts values to their respective internal types.
             * @function fromObject
             * @memberof vigil.v1.Error
             * @static
             * @param {Object.<string,*>} d Plain object
             * @returns {vigil.v1.Error} Error
             */
            Error.fromObject = function (d, q) {
                if (d instanceof $root.vigil.v1.Error)
                    return d;
                if (!$util.isObject(d))
                    throw $TypeError(".vigil.v1.Error: object expected");
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var m = new $root.vigil.v1.Error();
                if (d.code != null) {
                    if (typeof d.code !== "string" || d.code.length) {
                        m.code = $String(d.code);
                    }
                }
                if (d.message != null) {
                    if (typeof d.message !== "string" || d.message.length) {
                        m.message = $String(d.message);
                    }
                }
                if (d.fatal != null) {
                    if (d.fatal) {
                        m.fatal = $Boolean(d.fatal);
                    }
                }
                if (d.batchId != null) {
                    if (typeof d.batchId !== "string" || d.batchId.length) {
                        m.batchId = $String(d.batchId);
                    }
                }
                return m;
            };

            /**
             * Creates a plain object from an Error message. Also converts values to other types if specified.
             * @function toObject
             * @memberof vigil.v1.Error
             * @static
             * @param {vigil.v1.Error} m Error
             * @param {$protobuf.IConversionOptions} [o] Conversion options
             * @returns {Object.<string,*>} Plain object
             */
            Error.toObject = function (m, o, q) {
                if (!o)
                    o = {};
                if (q === $undefined)
                    q = 0;
                if (q > $util.recursionLimit)
                    throw $Error("max depth exceeded");
                var d = {};
                if (o.defaults) {
                    d.code = "";
                    d.message = "";
                    d.fatal = false;
                    d.batchId = "";
                }
                if (m.code != null && $Object.hasOwnProperty.call(m, "code")) {
                    d.code = m.code;
                }
                if (m.message != null && $Object.hasOwnProperty.call(m, "message")) {
                    d.message = m.message;
                }
                if (m.fatal != null && $Object.hasOwnProperty.call(m, "fatal")) {
                    d.fatal = m.fatal;
                }
                if (m.batchId != null && $Object.hasOwnProperty.call(m, "batchId")) {
                    d.batchId = m.batchId;
                }
                return d;
            };

            /**
             * Converts this Error to JSON.
             * @function toJSON
             * @memberof vigil.v1.Error
             * @instance
             * @returns {Object.<string,*>} JSON object
             */
            Error.prototype.toJSON = function() {
                return Error.toObject(this, $protobuf.util.toJSONOptions);
            };

            /**
             * Gets the type url for Error
             * @function getTypeUrl
             * @memberof vigil.v1.Error
             * @static
             * @param {string} [prefix] Custom type url prefix, defaults to `"type.googleapis.com"`
             * @returns {string} The type url
             */
            Error.getTypeUrl = function(prefix) {
                if (prefix === $undefined)
                    prefix = "type.googleapis.com";
                return prefix + "/vigil.v1.Error";
            };

            return Error;
        })();

        return v1;
    })();

    return vigil;
})();

export {
  $root as default
};
