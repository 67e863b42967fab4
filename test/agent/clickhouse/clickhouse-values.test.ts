import { expect } from 'chai';
import { errorText } from '../../../agent/src/collectors/clickhouse/clickhouse-values.js';

describe('agent/collectors/clickhouse/clickhouse-values', () => {
  describe('errorText', () => {
    it('replaces quoted values and keeps apostrophes', () => {
      expect(errorText("Cannot parse string 'secret42' as UInt32: table default.t doesn't exist")).to.equal(
        "Cannot parse string '?' as UInt32: table default.t doesn't exist",
      );
      expect(errorText('parsed text: "hunter\\"2" here')).to.equal('parsed text: "?" here');
    });

    it('drops the raw input a parse error echoes, and an unterminated quote to the end', () => {
      expect(errorText('Cannot parse input: expected , before: 1,hunter2\n2,x')).to.equal('Cannot parse input: expected , before: …');
      expect(errorText("Unmatched 'hunter2 and the rest")).to.equal("Unmatched '?'");
    });

    it('cuts long messages to 512 characters on one line', () => {
      const text = errorText(`first line\n${'x'.repeat(1000)}`);
      expect(text).to.have.length(512);
      expect(text.startsWith('first line x')).to.equal(true);
    });
  });
});
