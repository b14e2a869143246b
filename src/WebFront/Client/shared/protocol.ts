// The wire types of docs/protocol.md, shared by the widget and the console. JSON is camelCase, times are ISO-8601
// strings in UTC, enums are lower-case strings. Keep this file in step with docs/protocol.md.

export type ParticipantKind = "visitor" | "agent" | "bot" | "system";

export interface Participant {
  kind: ParticipantKind;
  id: string;
  name: string;
}

export interface Attachment {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  url: string;
}

export interface Message {
  id: string;
  conversationId: string;
  seq: number;
  clientMessageId: string;
  author: Participant;
  text: string;
  attachments: Attachment[];
  private: boolean;
  sentAt: string;
}

export interface Ack {
  id: string;
  seq: number;
  sentAt: string;
}

export type ConversationStatus = "open" | "pending" | "snoozed" | "resolved";
export type Routing = "queued" | "assigned" | "bot" | "none";

export interface Rating {
  score: number;
  comment: string | null;
}

export interface Conversation {
  id: string;
  status: ConversationStatus;
  visitor: Participant | null;
  assignee: Participant | null;
  group: string | null;
  routing: Routing;
  labels: string[];
  lastSeq: number;
  unread: number;
  lastMessage: Message | null;
  createdAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  snoozedUntil: string | null;
  rating: Rating | null;
}

export type AgentStatus = "online" | "away" | "offline";
export type AgentRole = "agent" | "admin";

export interface Agent {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  status: AgentStatus;
  capacity: number;
  groups: string[];
}

export type PreChatField = "name" | "email" | "question";

export interface WidgetSettings {
  tenant: string;
  name: string;
  primaryColor: string;
  greeting: string;
  offlineMessage: string;
  preChatForm: { enabled: boolean; fields: PreChatField[] };
  agentsOnline: boolean;
  botEnabled: boolean;
}

export interface TenantSettings extends WidgetSettings {
  allowedOrigins: string[];
  identitySecret: string;
  draftPreview: boolean;
  routing: { sticky: boolean; unansweredReassignAfterSeconds: number };
  businessHours: string | null;
}

export interface Group {
  id: string;
  name: string;
}

export interface CannedReply {
  id: string;
  shortcut: string;
  text: string;
}

/** Body of POST/PUT /api/v1/agents. */
export interface AgentInput {
  email: string;
  name: string;
  role: AgentRole;
  password?: string;
  capacity: number;
  groups: string[];
}

// REST bodies and results.

export interface WidgetSessionRequest {
  tenant: string;
  visitorId?: string;
  userId?: string;
  userHash?: string;
  name?: string;
  email?: string;
  page?: string;
  referrer?: string;
}

export interface WidgetSessionResponse {
  visitorId: string;
  visitorToken: string;
  conversationId?: string | null;
  settings: WidgetSettings;
}

export interface LoginRequest {
  tenant: string;
  email: string;
  password: string;
}

export interface LoginResponse {
  token: string;
  expiresAt: string;
  agent: Agent;
}

/** application/problem+json */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  code?: ErrorCode;
}

export type ErrorCode =
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "invalid_argument"
  | "too_large"
  | "rate_limited"
  | "unavailable"
  | "closed"
  | "conflict";

// Hub arguments and events.

export interface VisitorSendMessage {
  clientMessageId: string;
  text: string;
  attachments?: Attachment[];
}

export interface AgentSendMessage extends VisitorSendMessage {
  conversationId: string;
  private?: boolean;
}

export interface ListConversationsQuery {
  status?: ConversationStatus;
  assignee?: "me" | "unassigned" | string;
  query?: string;
  before?: string;
  limit?: number;
}

export interface OpenResult {
  conversation: Conversation;
  messages: Message[];
}

export interface TransferTarget {
  agentId?: string;
  groupId?: string;
}

export interface VisitorDetails {
  id: string;
  name: string | null;
  email: string | null;
  userId: string | null;
  verified: boolean;
  page: string | null;
  referrer: string | null;
  device: string | null;
  online: boolean;
}

export interface ReadEvent {
  conversationId: string;
  participant: Participant;
  seq: number;
}

export interface TypingEvent {
  conversationId: string;
  participant: Participant;
  isTyping: boolean;
  draft?: string | null;
}

export interface VisitorUnreadEvent {
  conversationId: string;
  count: number;
}

export interface AgentUnreadEvent extends VisitorUnreadEvent {
  total: number;
}

export interface VisitorQueueEvent {
  conversationId: string;
  position: number;
  estimatedWaitSeconds: number;
}

export interface AgentQueueEvent {
  waiting: number;
}

export interface MentionEvent {
  conversationId: string;
  messageId: string;
  seq: number;
  by: Participant;
}

/** Resume and history pages hold at most this many messages; a shorter page means "nothing more". */
export const RESUME_PAGE_SIZE = 200;

export const HUB_PATHS = { visitor: "/hubs/visitor", agent: "/hubs/agent" } as const;
export const API_PREFIX = "/api/v1";
