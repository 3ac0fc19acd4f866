import ts from 'typescript';

/**
 * Structural comparison of namespace declarations (documented shapes vs emitted `openapi.d.ts`).
 * Both sides are parsed with the TypeScript compiler API into an index keyed by fully qualified
 * name; references are resolved against the enclosing namespaces at parse time, so the comparison
 * itself never looks at source text, whitespace, parentheses or JSDoc.
 */

export type TypeShape =
  | { kind: 'keyword'; name: string }
  | { kind: 'literal'; base: 'string' | 'number' | 'boolean' | 'bigint'; text: string }
  | { kind: 'array'; element: TypeShape }
  | { kind: 'tuple'; elements: TypeShape[] }
  | { kind: 'union'; members: TypeShape[] }
  | { kind: 'intersection'; members: TypeShape[] }
  | { kind: 'object'; members: MemberShape[] }
  /** `name` is fully qualified when the reference resolves to a declaration of the same text, else as written. */
  | { kind: 'reference'; name: string; text: string; args: TypeShape[] }
  /** Anything else (function types, mapped or conditional types), compared as whitespace-free text. */
  | { kind: 'other'; text: string };

export interface ParameterShape {
  name: string;
  optional: boolean;
  rest: boolean;
  type: TypeShape;
}

export interface Position {
  /** 1-based. */
  line: number;
  /** 1-based. */
  col: number;
}

export type MemberShape = Position &
  (
    | { kind: 'property'; name: string; optional: boolean; type: TypeShape }
    | { kind: 'method'; name: string; optional: boolean; parameters: ParameterShape[]; returns: TypeShape }
    | { kind: 'call'; construct: boolean; parameters: ParameterShape[]; returns: TypeShape }
    | { kind: 'index'; parameters: ParameterShape[]; type: TypeShape }
  );

export type Declaration = Position & {
  /** Fully qualified: `WeChatPay.OpenAPI.V3.Marketing.Busifavor.Stocks._stock_id_.Couponcodes.PostHttpMethod.JsonDataRequest`. */
  name: string;
  /** Fully qualified enclosing namespace, `` at the top level. */
  namespace: string;
} & ({ kind: 'interface'; extends: TypeShape[]; members: MemberShape[] } | { kind: 'alias'; type: TypeShape });

export interface DeclarationIndex {
  /** In source order; merged interface declarations keep the position of the first one. */
  declarations: Map<string, Declaration>;
  namespaces: Set<string>;
}

export interface SyntaxError extends Position {
  message: string;
}

/** Syntax errors of a declaration text (the parser itself is tolerant and never throws). */
export function findSyntaxErrors(text: string): SyntaxError[] {
  const { diagnostics = [] } = ts.transpileModule(text, {
    reportDiagnostics: true,
    fileName: 'declarations.ts',
    compilerOptions: { noLib: true, noResolve: true, isolatedModules: false },
  });
  return diagnostics.map((diagnostic) => {
    const position =
      diagnostic.file && diagnostic.start !== undefined
        ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start)
        : { line: 0, character: 0 };
    return {
      line: position.line + 1,
      col: position.character + 1,
      message: ts.flattenDiagnosticMessageText(diagnostic.messageText, ' '),
    };
  });
}

/** Builds the structural index of every interface and type alias in `text`, at any namespace depth. */
export function parseDeclarations(text: string): DeclarationIndex {
  const source = ts.createSourceFile('declarations.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const index: DeclarationIndex = { declarations: new Map(), namespaces: new Set() };
  // Pass 1 collects every declared name, so pass 2 can resolve references to later declarations.
  const declaredNames = new Set<string>();
  walkStatements(source.statements, [], {
    namespace: (path) => {
      for (let depth = 1; depth <= path.length; depth++) index.namespaces.add(path.slice(0, depth).join('.'));
    },
    declaration: (node, path) => void declaredNames.add([...path, node.name.text].join('.')),
  });
  const converter = new ShapeConverter(source, (path, text) =>
    resolveName(path, text, index.namespaces, declaredNames),
  );
  walkStatements(source.statements, [], {
    namespace: () => undefined,
    declaration: (node, path) => {
      const name = [...path, node.name.text].join('.');
      const position = converter.position(node);
      const namespace = path.join('.');
      if (ts.isTypeAliasDeclaration(node)) {
        if (!index.declarations.has(name)) {
          index.declarations.set(name, {
            kind: 'alias',
            name,
            namespace,
            ...position,
            type: converter.type(node.type, path),
          });
        }
        return;
      }
      const heritage = (node.heritageClauses ?? []).flatMap((clause) =>
        clause.types.map((type) => converter.heritage(type, path)),
      );
      const members = node.members.map((member) => converter.member(member, path));
      const existing = index.declarations.get(name);
      if (existing?.kind === 'interface') {
        existing.extends.push(...heritage);
        existing.members.push(...members);
      } else if (!existing) {
        index.declarations.set(name, { kind: 'interface', name, namespace, ...position, extends: heritage, members });
      }
    },
  });
  return index;
}

interface StatementVisitor {
  namespace(path: string[]): void;
  declaration(node: ts.InterfaceDeclaration | ts.TypeAliasDeclaration, namespacePath: string[]): void;
}

function walkStatements(statements: ts.NodeArray<ts.Statement>, path: string[], visitor: StatementVisitor): void {
  for (const statement of statements) {
    if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      visitor.declaration(statement, path);
      continue;
    }
    // `declare global` and `declare module 'x'` hold no documented shapes.
    if (!ts.isModuleDeclaration(statement) || !ts.isIdentifier(statement.name)) continue;
    if (statement.flags & ts.NodeFlags.GlobalAugmentation) continue;
    // `namespace A.B.C {}` parses as nested module declarations A > B > C.
    const nested = [...path, statement.name.text];
    let body = statement.body;
    while (body && ts.isModuleDeclaration(body) && ts.isIdentifier(body.name)) {
      nested.push(body.name.text);
      body = body.body;
    }
    visitor.namespace(nested);
    if (body && ts.isModuleBlock(body)) walkStatements(body.statements, nested, visitor);
  }
}

/**
 * TypeScript's lookup of a qualified name `A.B.C` written inside namespace `path`: the first
 * identifier is searched from the innermost enclosing namespace outwards.
 */
function resolveName(path: readonly string[], text: string, namespaces: Set<string>, declared: Set<string>): string {
  const [head = ''] = text.split('.');
  for (let depth = path.length; depth >= 0; depth--) {
    const candidate = [...path.slice(0, depth), head].join('.');
    if (namespaces.has(candidate) || declared.has(candidate)) return [...path.slice(0, depth), text].join('.');
  }
  return text;
}

class ShapeConverter {
  constructor(
    private readonly source: ts.SourceFile,
    private readonly resolve: (path: readonly string[], text: string) => string,
  ) {}

  position(node: ts.Node): Position {
    const { line, character } = this.source.getLineAndCharacterOfPosition(node.getStart(this.source));
    return { line: line + 1, col: character + 1 };
  }

  heritage(node: ts.ExpressionWithTypeArguments, path: readonly string[]): TypeShape {
    const text = node.expression.getText(this.source);
    const args = (node.typeArguments ?? []).map((arg) => this.type(arg, path));
    return { kind: 'reference', name: this.resolve(path, text), text, args };
  }

  type(node: ts.TypeNode, path: readonly string[]): TypeShape {
    if (ts.isParenthesizedTypeNode(node)) return this.type(node.type, path);
    if (node.kind >= ts.SyntaxKind.FirstKeyword && node.kind <= ts.SyntaxKind.LastKeyword) {
      return { kind: 'keyword', name: ts.tokenToString(node.kind) ?? node.getText(this.source) };
    }
    if (ts.isLiteralTypeNode(node)) return this.literal(node);
    if (ts.isArrayTypeNode(node)) return { kind: 'array', element: this.type(node.elementType, path) };
    if (ts.isTupleTypeNode(node)) {
      const elements = node.elements.map((element) =>
        this.type(ts.isNamedTupleMember(element) ? element.type : element, path),
      );
      return { kind: 'tuple', elements };
    }
    if (ts.isUnionTypeNode(node)) return { kind: 'union', members: node.types.map((type) => this.type(type, path)) };
    if (ts.isIntersectionTypeNode(node)) {
      return { kind: 'intersection', members: node.types.map((type) => this.type(type, path)) };
    }
    if (ts.isTypeLiteralNode(node))
      return { kind: 'object', members: node.members.map((member) => this.member(member, path)) };
    if (ts.isTypeReferenceNode(node)) {
      const text = node.typeName.getText(this.source);
      const args = (node.typeArguments ?? []).map((arg) => this.type(arg, path));
      return { kind: 'reference', name: this.resolve(path, text), text, args };
    }
    if (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.ReadonlyKeyword)
      return this.type(node.type, path);
    return { kind: 'other', text: node.getText(this.source).replace(/\s+/g, '') };
  }

  private literal(node: ts.LiteralTypeNode): TypeShape {
    const { literal } = node;
    if (literal.kind === ts.SyntaxKind.NullKeyword) return { kind: 'keyword', name: 'null' };
    if (literal.kind === ts.SyntaxKind.TrueKeyword) return { kind: 'literal', base: 'boolean', text: 'true' };
    if (literal.kind === ts.SyntaxKind.FalseKeyword) return { kind: 'literal', base: 'boolean', text: 'false' };
    if (ts.isStringLiteral(literal) || ts.isNoSubstitutionTemplateLiteral(literal)) {
      return { kind: 'literal', base: 'string', text: `'${literal.text}'` };
    }
    if (ts.isBigIntLiteral(literal)) return { kind: 'literal', base: 'bigint', text: literal.text };
    // Numeric literals, including negative ones (a prefix-unary expression).
    const text = literal.getText(this.source).replace(/\s+/g, '');
    return { kind: 'literal', base: 'number', text: String(Number(text)) };
  }

  member(node: ts.TypeElement, path: readonly string[]): MemberShape {
    const position = this.position(node);
    if (ts.isPropertySignature(node)) {
      const type = node.type ? this.type(node.type, path) : ANY;
      return {
        kind: 'property',
        name: this.propertyName(node.name),
        optional: Boolean(node.questionToken),
        type,
        ...position,
      };
    }
    if (ts.isMethodSignature(node) || ts.isCallSignatureDeclaration(node) || ts.isConstructSignatureDeclaration(node)) {
      const signature = {
        parameters: this.parameters(node.parameters, path),
        returns: node.type ? this.type(node.type, path) : ANY,
        ...position,
      };
      if (!ts.isMethodSignature(node))
        return { kind: 'call', construct: ts.isConstructSignatureDeclaration(node), ...signature };
      const name = this.propertyName(node.name);
      return { kind: 'method', name, optional: Boolean(node.questionToken), ...signature };
    }
    if (ts.isIndexSignatureDeclaration(node)) {
      return {
        kind: 'index',
        parameters: this.parameters(node.parameters, path),
        type: this.type(node.type, path),
        ...position,
      };
    }
    // Accessors in an interface: compared by their written text.
    return {
      kind: 'property',
      name: node.name ? this.propertyName(node.name) : node.getText(this.source),
      optional: false,
      type: { kind: 'other', text: node.getText(this.source).replace(/\s+/g, '') },
      ...position,
    };
  }

  private parameters(parameters: ts.NodeArray<ts.ParameterDeclaration>, path: readonly string[]): ParameterShape[] {
    return parameters.map((parameter) => ({
      name: parameter.name.getText(this.source),
      optional: Boolean(parameter.questionToken ?? parameter.initializer),
      rest: Boolean(parameter.dotDotDotToken),
      type: parameter.type ? this.type(parameter.type, path) : ANY,
    }));
  }

  private propertyName(name: ts.PropertyName): string {
    if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name)) return name.text;
    return name.getText(this.source);
  }
}

const ANY: TypeShape = { kind: 'keyword', name: 'any' };

// ---------------------------------------------------------------------------------------------
// Comparison

export interface CompareOptions {
  /** The `required` improvement: ignore `?` on property members (method parameters still compare). */
  dropOptional?: boolean;
  /** The `enum` improvement: a literal type compares as its base type (`'A'|'B'` -> `string`, `1|2` -> `number`). */
  collapseLiterals?: boolean;
}

/** Both improvements normalised away: what the documented shapes can be held to. */
export const DOCUMENTED_STYLE: CompareOptions = { dropOptional: true, collapseLiterals: true };

export interface Difference extends Position {
  /** Fully qualified name of the documented declaration (or namespace) the difference is in. */
  declaration: string;
  message: string;
}

export function formatDifference(difference: Difference): string {
  return `${difference.declaration}: ${difference.message}`;
}

/**
 * Every documented declaration against its emitted namesake. Interfaces of a `<Verb>HttpMethod`
 * namespace compare exactly (and the namespace may hold no undocumented interface); the other
 * interfaces are parent-chain/endpoint interfaces, of which a page shows only the children on its
 * path: their documented properties must be a subset of the emitted ones in the same relative order,
 * while the call signature and methods the page shows compare exactly.
 */
export function compareDeclarations(
  documented: DeclarationIndex,
  emitted: DeclarationIndex,
  options: CompareOptions = {},
): Difference[] {
  const comparison = new Comparison(documented, emitted, options);
  const methodNamespaces = new Set(
    [...documented.declarations.values()].map((declaration) => declaration.namespace).filter(isMethodNamespace),
  );
  for (const declaration of documented.declarations.values()) {
    const counterpart = emitted.declarations.get(declaration.name);
    const where: Where = { declaration: declaration.name, path: '', line: declaration.line, col: declaration.col };
    if (!counterpart) {
      comparison.report(where, `missing ${declaration.kind === 'alias' ? 'type' : 'interface'}`);
      continue;
    }
    if (declaration.kind === 'alias' || counterpart.kind === 'alias') {
      comparison.compareTypes(asType(declaration), asType(counterpart), where);
      continue;
    }
    comparison.compareHeritage(declaration.extends, counterpart.extends, where);
    if (isMethodNamespace(declaration.namespace)) {
      comparison.compareMembers(declaration.members, counterpart.members, 'exact', where);
    } else {
      comparison.compareChainInterface(declaration, counterpart, methodNamespaces, where);
    }
  }
  for (const namespace of methodNamespaces) {
    for (const declaration of emitted.declarations.values()) {
      if (declaration.namespace === namespace && !documented.declarations.has(declaration.name)) {
        const [first] = [...documented.declarations.values()].filter((doc) => doc.namespace === namespace);
        const where: Where = { declaration: namespace, path: '', line: first?.line ?? 1, col: first?.col ?? 1 };
        comparison.report(
          where,
          `extra ${declaration.kind === 'alias' ? 'type' : 'interface'} ${lastSegment(declaration.name)}`,
        );
      }
    }
  }
  return comparison.differences;
}

/** Renders a shape back as TypeScript (after whatever normalisation produced it). */
export function printType(type: TypeShape): string {
  switch (type.kind) {
    case 'keyword':
      return type.name;
    case 'literal':
      return type.text;
    case 'array': {
      const element = printType(type.element);
      const compound = ['union', 'intersection', 'other'].includes(type.element.kind);
      return compound ? `(${element})[]` : `${element}[]`;
    }
    case 'tuple':
      return `[${type.elements.map(printType).join(', ')}]`;
    case 'union':
      return type.members.map(printType).join(' | ');
    case 'intersection':
      return type.members.map(printType).join(' & ');
    case 'object': {
      if (type.members.length === 0) return '{}';
      const text = `{ ${type.members.map(printMember).join('; ')} }`;
      return text.length > 120 ? `${text.slice(0, 117)}...` : text;
    }
    case 'reference':
      return type.args.length ? `${type.text}<${type.args.map(printType).join(', ')}>` : type.text;
    case 'other':
      return type.text;
  }
}

function printMember(member: MemberShape): string {
  switch (member.kind) {
    case 'property':
      return `${member.name}${member.optional ? '?' : ''}: ${printType(member.type)}`;
    case 'method':
      return `${member.name}${member.optional ? '?' : ''}${printSignature(member.parameters, member.returns)}`;
    case 'call':
      return `${member.construct ? 'new ' : ''}${printSignature(member.parameters, member.returns)}`;
    case 'index':
      return `[${member.parameters.map(printParameter).join(', ')}]: ${printType(member.type)}`;
  }
}

function printSignature(parameters: ParameterShape[], returns: TypeShape): string {
  return `(${parameters.map(printParameter).join(', ')}): ${printType(returns)}`;
}

function printParameter(parameter: ParameterShape): string {
  return `${parameter.rest ? '...' : ''}${parameter.name}${parameter.optional ? '?' : ''}: ${printType(parameter.type)}`;
}

interface Where extends Position {
  declaration: string;
  /** Member path inside the declaration: `data[].stock_use_rule`; `` at the top. */
  path: string;
}

type Side = 'documented' | 'emitted';

class Comparison {
  readonly differences: Difference[] = [];
  /** Pairs of named types being expanded, so recursive definitions terminate. */
  private readonly expanding = new Set<string>();

  constructor(
    private readonly documented: DeclarationIndex,
    private readonly emitted: DeclarationIndex,
    private readonly options: CompareOptions,
  ) {}

  report(where: Where, message: string): void {
    this.differences.push({ declaration: where.declaration, line: where.line, col: where.col, message });
  }

  compareHeritage(documented: TypeShape[], emitted: TypeShape[], where: Where): void {
    const print = (types: TypeShape[]): string => (types.length ? types.map(printType).join(', ') : 'nothing');
    if (!this.sequenceEqual(documented, emitted))
      this.report(where, `extends: documented ${print(documented)}, emitted ${print(emitted)}`);
  }

  compareChainInterface(
    documented: Extract<Declaration, { kind: 'interface' }>,
    emitted: Extract<Declaration, { kind: 'interface' }>,
    methodNamespaces: ReadonlySet<string>,
    where: Where,
  ): void {
    const isData = (member: MemberShape): boolean => member.kind === 'property' || member.kind === 'index';
    this.compareMembers(documented.members.filter(isData), emitted.members.filter(isData), 'subset', where);

    // A page shows only its own block's method (and POST's shortland): each one shown compares
    // exactly, while methods of the endpoint's other verbs belong to other blocks.
    const emittedMethods = emitted.members.filter((member) => member.kind === 'method');
    for (const method of documented.members.filter((member) => member.kind === 'method')) {
      const counterpart = emittedMethods.find((candidate) => candidate.name === method.name);
      if (counterpart) this.compareMember(method, counterpart, memberWhere(where, method, method.name));
      else this.report(memberWhere(where, method, ''), `missing member ${method.name}`);
    }
    // The callable shortland belongs to POST: compared whenever the page shows it or documents POST.
    const documentedCalls = documented.members.filter((member) => member.kind === 'call');
    const emittedCalls = emitted.members.filter((member) => member.kind === 'call');
    if (documentedCalls.length === 0 && !methodNamespaces.has(`${documented.name}.PostHttpMethod`)) return;
    if (documentedCalls.length !== emittedCalls.length) {
      this.report(where, `call signatures: documented ${documentedCalls.length}, emitted ${emittedCalls.length}`);
    }
    documentedCalls.forEach((call, i) => {
      const counterpart = emittedCalls[i];
      if (counterpart)
        this.compareMember(call, counterpart, memberWhere(where, call, memberKey(call, documentedCalls.slice(0, i))));
    });
  }

  /**
   * `exact`: same members in the same order. `subset`: every documented member is emitted, in the
   * same relative order; the emitter may have more (children a page does not show).
   */
  compareMembers(documented: MemberShape[], emitted: MemberShape[], mode: 'exact' | 'subset', where: Where): void {
    const emittedByKey = new Map(emitted.map((member, i) => [memberKey(member, emitted.slice(0, i)), member]));
    const documentedKeys = documented.map((member, i) => memberKey(member, documented.slice(0, i)));
    const common: string[] = [];
    documented.forEach((member, i) => {
      const key = documentedKeys[i] ?? '';
      const counterpart = emittedByKey.get(key);
      if (!counterpart) {
        this.report(memberWhere(where, member, ''), `missing member ${joinPath(where.path, key)}`);
        return;
      }
      common.push(key);
      this.compareMember(member, counterpart, memberWhere(where, member, key));
    });
    if (mode === 'exact') {
      const documentedKeySet = new Set(documentedKeys);
      for (const key of emittedByKey.keys()) {
        if (!documentedKeySet.has(key)) this.report(where, `extra member ${joinPath(where.path, key)}`);
      }
    }
    const commonSet = new Set(common);
    const emittedOrder = [...emittedByKey.keys()].filter((key) => commonSet.has(key));
    if (emittedOrder.join('\n') !== common.join('\n')) {
      const at = where.path ? ` of ${where.path}` : '';
      this.report(where, `member order${at}: documented ${common.join(', ')}; emitted ${emittedOrder.join(', ')}`);
    }
  }

  private compareMember(documented: MemberShape, emitted: MemberShape, where: Where): void {
    if (documented.kind !== emitted.kind) {
      this.report(where, `${subject(where)}: documented ${printMember(documented)}, emitted ${printMember(emitted)}`);
      return;
    }
    const compareOptional = (documentedOptional: boolean, emittedOptional: boolean): void => {
      if (documentedOptional === emittedOptional) return;
      const [was, is] = [documentedOptional, emittedOptional].map((optional) => (optional ? 'optional' : 'required'));
      this.report(where, `${subject(where)}: documented ${was}, emitted ${is}`);
    };
    if (documented.kind === 'property' && emitted.kind === 'property') {
      if (!this.options.dropOptional) compareOptional(documented.optional, emitted.optional);
      this.compareTypes(documented.type, emitted.type, where);
      return;
    }
    if (documented.kind === 'index' && emitted.kind === 'index') {
      this.compareParameters(documented.parameters, emitted.parameters, where);
      this.compareTypes(documented.type, emitted.type, where);
      return;
    }
    if (
      (documented.kind === 'method' || documented.kind === 'call') &&
      (emitted.kind === 'method' || emitted.kind === 'call')
    ) {
      if (documented.kind === 'method' && emitted.kind === 'method')
        compareOptional(documented.optional, emitted.optional);
      this.compareParameters(documented.parameters, emitted.parameters, where);
      this.compareTypes(documented.returns, emitted.returns, { ...where, path: `${where.path}, return type` });
    }
  }

  private compareParameters(documented: ParameterShape[], emitted: ParameterShape[], where: Where): void {
    if (documented.length !== emitted.length) {
      const print = (parameters: ParameterShape[]): string => `(${parameters.map(printParameter).join(', ')})`;
      this.report(where, `${subject(where)}: documented parameters ${print(documented)}, emitted ${print(emitted)}`);
      return;
    }
    documented.forEach((parameter, i) => {
      const counterpart = emitted[i];
      if (!counterpart) return;
      const at = `${where.path}, parameter ${parameter.name}`;
      if (parameter.name !== counterpart.name) {
        this.report(
          where,
          `member ${where.path}: parameter ${i + 1} documented ${parameter.name}, emitted ${counterpart.name}`,
        );
      }
      const emittedOptional = this.normalisedConfigOptional(counterpart);
      if (parameter.optional !== emittedOptional || parameter.rest !== counterpart.rest) {
        this.report(
          where,
          `member ${at}: documented ${printParameter(parameter)}, emitted ${printParameter(counterpart)}`,
        );
        return;
      }
      this.compareTypes(parameter.type, counterpart.type, { ...where, path: at });
    });
  }

  /**
   * `config` is optional exactly when its `RequestConfig` has no required member, so the required
   * improvement (all-optional query parameters) can make it optional. With `dropOptional`, an emitted
   * `config` that follows that rule is re-derived from the RequestConfig as documented (every member
   * required but the conventional `data?`); one that breaks the rule keeps its mark and is reported.
   */
  private normalisedConfigOptional(parameter: ParameterShape): boolean {
    if (!this.options.dropOptional || parameter.type.kind !== 'reference') return parameter.optional;
    const config = this.emitted.declarations.get(parameter.type.name);
    if (config?.kind !== 'interface' || lastSegment(config.name) !== 'RequestConfig') return parameter.optional;
    const properties = config.members.filter((member) => member.kind === 'property');
    const followsRule = properties.every((member) => member.optional) === parameter.optional;
    if (!followsRule) return parameter.optional;
    return properties.every((member) => member.name === 'data' && member.optional);
  }

  /** Reports one difference per mismatching leaf, descending into arrays and object literals. */
  compareTypes(documentedType: TypeShape, emittedType: TypeShape, where: Where): void {
    const documented = this.expandForComparison(
      this.normalise(documentedType),
      this.normalise(emittedType),
      'documented',
    );
    const emitted = this.expandForComparison(this.normalise(emittedType), documented, 'emitted');
    const mismatch = (): void =>
      this.report(where, `${subject(where)}: documented ${printType(documented)}, emitted ${printType(emitted)}`);

    if (documented.kind === 'reference' && emitted.kind === 'reference' && documented.name !== emitted.name) {
      const key = `${documented.name}|${emitted.name}`;
      if (this.expanding.has(key)) return;
      const documentedBody = this.lookup(documented, 'documented');
      const emittedBody = this.lookup(emitted, 'emitted');
      if (!documentedBody || !emittedBody) {
        mismatch();
        return;
      }
      this.expanding.add(key);
      this.compareTypes(documentedBody, emittedBody, where);
      this.expanding.delete(key);
      return;
    }
    if (documented.kind !== emitted.kind) {
      mismatch();
      return;
    }
    switch (documented.kind) {
      case 'keyword':
      case 'literal':
      case 'other':
        if (printType(documented) !== printType(emitted)) mismatch();
        return;
      case 'array':
        // Descend only into arrays of objects (`data[].code`); `string[]` vs `number[]` reads better whole.
        if (emitted.kind !== 'array') return;
        if (documented.element.kind === 'object' || documented.element.kind === 'array') {
          this.compareTypes(documented.element, emitted.element, { ...where, path: `${where.path}[]` });
        } else if (!this.typesEqual(documented.element, emitted.element)) {
          mismatch();
        }
        return;
      case 'object':
        if (emitted.kind === 'object') this.compareMembers(documented.members, emitted.members, 'exact', where);
        return;
      case 'reference':
      case 'tuple':
        if (!this.sequenceEqual(childrenOf(documented), childrenOf(emitted))) mismatch();
        return;
      case 'union':
      case 'intersection': {
        // Unions and intersections are sets: order and duplicates do not matter.
        const documentedMembers = childrenOf(documented);
        const emittedMembers = childrenOf(emitted);
        const covered = (from: TypeShape[], to: TypeShape[], flip: boolean): boolean =>
          from.every((type) =>
            to.some((candidate) => (flip ? this.typesEqual(candidate, type) : this.typesEqual(type, candidate))),
          );
        if (!covered(documentedMembers, emittedMembers, false) || !covered(emittedMembers, documentedMembers, true))
          mismatch();
      }
    }
  }

  private sequenceEqual(documented: TypeShape[], emitted: TypeShape[]): boolean {
    return (
      documented.length === emitted.length && documented.every((type, i) => this.typesEqual(type, emitted[i] ?? ANY))
    );
  }

  private typesEqual(documented: TypeShape, emitted: TypeShape): boolean {
    const probe = new Comparison(this.documented, this.emitted, this.options);
    for (const key of this.expanding) probe.expanding.add(key);
    probe.compareTypes(documented, emitted, { declaration: '', path: '', line: 0, col: 0 });
    return probe.differences.length === 0;
  }

  /** A named type meets an inline type: compare the named type's body instead. */
  private expandForComparison(type: TypeShape, other: TypeShape, side: Side): TypeShape {
    // Terminates without a guard: each expansion is matched against one level of the finite inline side.
    if (type.kind !== 'reference' || other.kind === 'reference') return type;
    const body = this.lookup(type, side);
    return body ? this.normalise(body) : type;
  }

  private lookup(type: Extract<TypeShape, { kind: 'reference' }>, side: Side): TypeShape | undefined {
    if (type.args.length) return undefined;
    const declaration = (side === 'documented' ? this.documented : this.emitted).declarations.get(type.name);
    return declaration ? asType(declaration) : undefined;
  }

  private normalise(type: TypeShape): TypeShape {
    if (type.kind === 'literal' && this.options.collapseLiterals) return { kind: 'keyword', name: type.base };
    if (type.kind !== 'union') return type;
    const members: TypeShape[] = [];
    const seen = new Set<string>();
    for (const member of type.members.flatMap((inner) => (inner.kind === 'union' ? inner.members : [inner]))) {
      const normalised = this.normalise(member);
      const key = JSON.stringify(normalised);
      if (!seen.has(key)) {
        seen.add(key);
        members.push(normalised);
      }
    }
    return members.length === 1 && members[0] ? members[0] : { kind: 'union', members };
  }
}

function asType(declaration: Declaration): TypeShape {
  if (declaration.kind === 'alias') return declaration.type;
  // An interface with `extends` is not an inline literal: keep it named so it only equals itself.
  if (declaration.extends.length)
    return { kind: 'reference', name: declaration.name, text: lastSegment(declaration.name), args: [] };
  return { kind: 'object', members: declaration.members };
}

function childrenOf(type: TypeShape): TypeShape[] {
  switch (type.kind) {
    case 'reference':
      return type.args;
    case 'tuple':
      return type.elements;
    case 'union':
    case 'intersection':
      return type.members;
    default:
      return [];
  }
}

/** Identity of a member within its list: its name, or its position among call/index signatures. */
function memberKey(member: MemberShape, before: MemberShape[]): string {
  if (member.kind === 'property' || member.kind === 'method') return member.name;
  const ordinal = before.filter((other) => other.kind === member.kind).length;
  if (member.kind === 'index') return `[index ${ordinal + 1}]`;
  return `${member.construct ? 'construct' : 'call'} signature${ordinal ? ` #${ordinal + 1}` : ''}`;
}

function memberWhere(where: Where, member: MemberShape, key: string): Where {
  return {
    declaration: where.declaration,
    path: key ? joinPath(where.path, key) : where.path,
    line: member.line,
    col: member.col,
  };
}

function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** How a difference names what it is about: the member path, or the declaration's own type. */
function subject(where: Where): string {
  return where.path ? `member ${where.path}` : 'type';
}

function isMethodNamespace(namespace: string): boolean {
  return /HttpMethod$/.test(lastSegment(namespace));
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}
