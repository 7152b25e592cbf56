// MQL: Baton's label query and routing language.
// The generated lexer and parser are an implementation detail of dev.baton.mql.parse;
// nothing outside that package sees ANTLR types.
grammar Mql;

statement : orExpr? (ARROW target (COMMA target)*)? EOF ;

orExpr    : andExpr (OR andExpr)* ;
andExpr   : notExpr (AND notExpr)* ;
// A loop rather than recursion, so a long run of NOTs cannot exhaust the stack.
notExpr   : NOT* primary ;
primary   : LPAREN orExpr RPAREN
          | match
          ;
match     : ref op value ;
ref       : WORD | LABEL ;
op        : EQ | NE | RE | NRE | LT | LE | GT | GE ;
// Keywords are accepted as bare values: `state = not` compares with the word "not".
value     : STRING | WORD | AND | OR | NOT ;
target    : PERSON | TEAM ;

AND    : [aA][nN][dD] ;
OR     : [oO][rR] ;
NOT    : [nN][oO][tT] ;

ARROW  : '->' ;
COMMA  : ',' ;
LPAREN : '(' ;
RPAREN : ')' ;
RE     : '=~' ;
NRE    : '!~' ;
NE     : '!=' ;
EQ     : '=' ;
LE     : '<=' ;
GE     : '>=' ;
LT     : '<' ;
GT     : '>' ;

LABEL  : '~' [a-zA-Z_] [a-zA-Z0-9_]* ;
PERSON : '@' TARGET_CHAR+ ;
TEAM   : '#' TARGET_CHAR+ ;

STRING : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"'
       | '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\''
       ;
// A string missing its closing quote: one token, so the error points at its opening quote.
UNTERMINATED : '"' (~["\\\r\n] | '\\' ~[\r\n])* '\\'?
             | '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\\'?
             ;

WORD   : WORD_CHAR+ ;

WS     : [ \t\r\n\f]+ -> skip ;

// Anything else becomes a token, so the lexer itself never reports an error.
UNEXPECTED : . ;

fragment WORD_CHAR   : [\p{L}\p{N}_.\-:/*+?^$%|[\]{}] ;
fragment TARGET_CHAR : [\p{L}\p{N}_.\-] ;
