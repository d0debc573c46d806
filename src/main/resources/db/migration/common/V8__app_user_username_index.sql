-- The Clinic API's token endpoint finds a user by name across organizations (its paths name no
-- tenant); usernames are unique only within an organization, hence a plain index.
create index app_user_username_idx on app_user (username);
