// The engine version: part of every cache key and of the tool's identity in reports. A meta test keeps it equal to package.json.
export const VERSION = '0.1.0';
